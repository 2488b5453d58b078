import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BookingCompanion, ConsultationEvent, ConsultationEvents, ConsultationEventSubscriber, NewBooking } from '../consultations/consultation-events';
import { OutboxService } from './outbox.service';
import { cancellationNotice } from './templates/templates';

/**
 * Joins every consultation's change (booking, move, reassignment, cancellation, erasure) and writes
 * its notifications in the same transaction: if the outbox write fails, the change rolls back with it.
 */
@Injectable()
export class ConsultationNotificationsSink implements ConsultationEventSubscriber, OnModuleInit {
  constructor(
    private readonly events: ConsultationEvents,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  companionsOfBooking(booking: NewBooking): BookingCompanion[] {
    return this.outbox.bookingRows(booking);
  }

  async onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    switch (event.type) {
      case 'booked':
        // ConsultationsService writes a new booking's messages through companionsOfBooking (same
        // renderer, no reload); this is for any other writer that publishes `booked`.
        return this.outbox.enqueue(tx, { consultationIds: [event.consultationId], event: 'booked' });
      case 'rescheduled':
        await this.outbox.enqueue(tx, { consultationIds: [event.consultationId], event: 'rescheduled' });
        // A move may also hand the consultation to another agent: their calendar loses the entry.
        return this.outbox.enqueueUnassigned(tx, event.consultationId, event.previous.agentId);
      case 'reassigned':
        // Same time, same place for the citizen: only the two agents' calendars change.
        return this.outbox.enqueueReassignment(tx, event.consultationId, event.previous.agentId);
      case 'cancelled':
        return this.outbox.enqueue(tx, {
          consultationIds: event.consultationIds,
          event: 'cancelled',
          message: event.citizenMessage ?? cancellationNotice(event.reason),
        });
      case 'citizen_erased':
        await this.outbox.eraseMessagesOf(tx, event.consultationIds);
        return;
      case 'call_started':
      case 'call_ended':
      case 'outcome_recorded':
        // Nothing to tell anyone: the citizen is in the booth, the agent in the call.
        return;
    }
  }
}
