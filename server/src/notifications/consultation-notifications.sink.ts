import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompanionRows, ConsultationEvent, ConsultationEvents, ConsultationEventSink, NewBooking } from '../scheduling/consultation-events';
import { OutboxService } from './outbox.service';

/**
 * Joins every scheduling transaction (booking, move, reassignment, cancellation) and writes its
 * notifications in it: if the outbox write fails, the change rolls back with it.
 */
@Injectable()
export class ConsultationNotificationsSink implements ConsultationEventSink, OnModuleInit {
  constructor(
    private readonly events: ConsultationEvents,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.events.register(this);
  }

  companionsOfBooking(booking: NewBooking): CompanionRows[] {
    return [this.outbox.bookingRows(booking)];
  }

  async onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    const consultationIds = [event.consultationId];
    switch (event.type) {
      case 'booked':
        // The booking service writes a new booking's messages through companionsOfBooking (same
        // renderer, no reload); this is for any other writer that publishes `booked`.
        return this.outbox.enqueue(tx, { consultationIds, event: 'booked' });
      case 'rescheduled':
        await this.outbox.enqueue(tx, { consultationIds, event: 'rescheduled' });
        // A move may also hand the consultation to another agent: their calendar loses the entry.
        if (event.previous) await this.outbox.enqueueUnassigned(tx, event.consultationId, event.previous.agentId);
        return;
      case 'reassigned':
        // Same time, same place for the citizen: only the two agents' calendars change.
        return this.outbox.enqueueReassignment(tx, event.consultationId, event.previous?.agentId ?? null);
      case 'cancelled':
        return this.outbox.enqueue(tx, {
          consultationIds,
          event: 'cancelled',
          ...(event.reason ? { message: `Bonjour {nom}, votre RDV visio {administration} du {date} à {msap} est annulé. Motif : ${event.reason}` } : {}),
        });
    }
  }
}
