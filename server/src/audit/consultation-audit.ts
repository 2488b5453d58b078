import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BookingCompanion, ConsultationEvent, ConsultationEvents, ConsultationEventSubscriber, NewBooking } from '../consultations/consultation-events';
import { ConsultationsModule } from '../consultations/consultations.module';
import { RequestContexts } from '../common/http/request-context';
import { AuditModule } from './audit.module';
import { AuditService } from './audit.service';

const slotOf = (s: { boothId: string; agentId: string; startsAt: Date; endsAt: Date }) => ({
  boothId: s.boothId,
  agentId: s.agentId,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
});

/**
 * The audit trail of consultations: a booking, a move, a reassignment, each cancellation (one by
 * one, en masse, by the citizen's link) and an outcome each leave a row, written in the change's own
 * transaction (a booking's as a companion of its INSERT) so that a change and its trace commit or
 * fail together. Free text (reasons, the citizen's name) is not copied: it stays on the consultation,
 * where retention erases it; the trail keeps who, what, when and where.
 */
@Injectable()
export class ConsultationAudit implements ConsultationEventSubscriber, OnModuleInit {
  constructor(
    private readonly events: ConsultationEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  companionsOfBooking(b: NewBooking): BookingCompanion[] {
    const request = RequestContexts.current();
    const details = {
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      booth: b.booth.name,
      site: b.booth.msapName,
      agent: b.agent.name,
      administration: b.administration,
      subject: b.type?.subject ?? null,
    };
    return [
      {
        insert: (p, condition) =>
          `INSERT INTO audit_events (action, actor_user_id, subject_type, subject_id, ip, request_id, details)
           SELECT 'consultation.booked', $${p}::uuid, 'consultation', $${p + 1}::text, $${p + 2}::inet, $${p + 3}::text, $${p + 4}::jsonb ${condition}`,
        values: [b.actorUserId, b.id, request?.ip ?? null, request?.requestId ?? null, JSON.stringify(details)],
      },
    ];
  }

  async onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    switch (event.type) {
      case 'booked':
        // ConsultationsService writes it as a companion; this is for any other writer of `booked`.
        return this.audit.record({ action: 'consultation.booked', actorUserId: event.actorUserId, subjectType: 'consultation', subjectId: event.consultationId }, tx);
      case 'rescheduled':
      case 'reassigned': {
        const [now] = (await tx.query(`SELECT booth_id AS "boothId", agent_id AS "agentId", starts_at AS "startsAt", ends_at AS "endsAt" FROM consultations WHERE id = $1`, [
          event.consultationId,
        ])) as Array<{ boothId: string; agentId: string; startsAt: Date; endsAt: Date }>;
        return this.audit.record(
          {
            action: event.type === 'rescheduled' ? 'consultation.rescheduled' : 'consultation.reassigned',
            actorUserId: event.actorUserId,
            subjectType: 'consultation',
            subjectId: event.consultationId,
            details: { from: slotOf(event.previous), to: now ? slotOf(now) : null, ...(event.via ? { via: event.via } : {}) },
          },
          tx,
        );
      }
      case 'cancelled': {
        const details = {
          mass: event.citizenMessage !== null,
          ...(event.massCancellationId ? { massCancellationId: event.massCancellationId } : {}),
          ...(event.via ? { via: event.via } : {}),
        };
        const request = RequestContexts.current();
        // One row per consultation (a mass cancellation's batch too), in one statement.
        await tx.query(
          `INSERT INTO audit_events (action, actor_user_id, subject_type, subject_id, ip, request_id, details)
           SELECT 'consultation.cancelled', $1::uuid, 'consultation', id, $3::inet, $4::text, $5::jsonb FROM unnest($2::text[]) AS id`,
          [event.actorUserId, event.consultationIds, request?.ip ?? null, request?.requestId ?? null, JSON.stringify(details)],
        );
        return;
      }
      case 'outcome_recorded':
        return this.audit.record(
          { action: 'consultation.outcome_recorded', actorUserId: event.actorUserId, subjectType: 'consultation', subjectId: event.consultationId, details: { outcome: event.outcome } },
          tx,
        );
      case 'call_started':
      case 'call_ended':
      case 'citizen_erased':
        // Not a person's decision: the consultation's own columns and the retention report keep them.
        return;
    }
  }
}

/** Joins the consultations' events to the audit trail (its own module: neither domain imports the other for it). */
@Module({
  imports: [AuditModule, ConsultationsModule],
  providers: [ConsultationAudit],
})
export class ConsultationAuditModule {}
