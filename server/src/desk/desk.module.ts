import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChecklistModule } from '../checklist/checklist.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { ConsultationEvent, ConsultationEvents } from '../consultations/consultation-events';
import { ConsultationReader } from '../consultations/consultation.reader';
import { DevicesModule } from '../devices/devices.module';
import { DeskEventsModule } from './desk-events.module';
import { DeskRepository } from './desk.repository';
import { DeskController } from './desk.controller';
import { DeskService } from './desk.service';
import { ActivityExportService } from './activity-export.service';

const consultationIdsOf = (event: ConsultationEvent): readonly string[] => ('consultationIds' in event ? event.consultationIds : [event.consultationId]);

/** The facilitator's day desk: the site's consultations live, booth heartbeats, alerts, messages to agents. */
@Module({
  imports: [AuditModule, ConsultationsModule, DevicesModule, ChecklistModule, DeskEventsModule],
  controllers: [DeskController],
  providers: [DeskRepository, DeskService, ActivityExportService],
})
export class DeskModule implements OnModuleInit {
  constructor(
    private readonly events: ConsultationEvents,
    private readonly consultations: ConsultationReader,
    private readonly repository: DeskRepository,
  ) {}

  /** Every committed change of a consultation (booked, moved, started, ended, cancelled) reaches its sites' desks. */
  onModuleInit(): void {
    // A facilitator's message may name the citizen: it goes when the citizen's data goes.
    this.events.subscribe({
      onConsultationEvent: async (tx, event) => {
        if (event.type === 'citizen_erased') await this.repository.eraseMessagesOf(tx, event.consultationIds);
      },
    });
    this.events.onCommitted((event) => {
      const previousBooth = 'previous' in event ? [event.previous.boothId] : [];
      void this.consultations
        .sitesOf(consultationIdsOf(event), previousBooth)
        .then((sites) => Promise.all(sites.map((siteId) => this.repository.notify({ siteId, kind: 'consultation' }))))
        .catch(() => undefined);
    });
  }
}
