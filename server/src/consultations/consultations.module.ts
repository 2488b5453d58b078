import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ConsultationEvents } from './consultation-events';
import { ConsultationQueries } from './consultation-queries.service';
import { ConsultationStoreModule } from './consultation-store.module';
import { ConsultationRepository } from './consultation.repository';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { OverdueCallsTask } from './overdue-calls.task';
import { SlotProposalController } from './slot-proposal.controller';
import { SlotProposalService } from './slot-proposal.service';

/**
 * The consultation: its routes, its reads, and the one service that changes it and publishes its
 * events. Scheduling tells it when a booking is possible; notifications, calls and statistics
 * subscribe to its events.
 */
@Module({
  imports: [ConsultationStoreModule, SchedulingModule],
  controllers: [ConsultationsController, SlotProposalController],
  providers: [ConsultationRepository, ConsultationsService, ConsultationQueries, ConsultationEvents, OverdueCallsTask, SlotProposalService],
  exports: [ConsultationsService, ConsultationQueries, ConsultationEvents, ConsultationStoreModule],
})
export class ConsultationsModule {}
