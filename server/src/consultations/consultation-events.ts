import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsultationStatus } from './entities/consultation.entity';

/** Where and when a consultation was before a move or a reassignment. */
export interface PreviousSlot {
  boothId: string;
  agentId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Why a call ended: the agent ended it, everyone left after its end, or nobody closed it in time. */
export const CALL_END_CAUSES = ['agent', 'emptied', 'overdue'] as const;
export type CallEndCause = (typeof CALL_END_CAUSES)[number];

/**
 * Where a change came from when it is not a staff member's own screen (the audit trail says so):
 * the citizen's personal link, or "propose another slot" for a booking an agent's absence or a
 * schedule change (opening hours, closure, availability) left without a slot.
 */
export type ChangeChannel = 'citizen_link' | 'absence' | 'schedule';

/**
 * Every change of a consultation, published by ConsultationsService inside the transaction that
 * makes it. `actorUserId` is the account that made the change, null for the system (jobs, calls).
 */
export type ConsultationEvent =
  | { type: 'booked'; consultationId: string; actorUserId: string | null }
  | { type: 'rescheduled' | 'reassigned'; consultationId: string; actorUserId: string | null; previous: PreviousSlot; via?: ChangeChannel }
  | {
      type: 'cancelled';
      consultationIds: readonly string[];
      actorUserId: string | null;
      via?: ChangeChannel;
      /** What is recorded on the consultation. */
      reason: string;
      /** The coordinator's own words to the citizens (a mass cancellation), or null for the usual message with the reason. */
      citizenMessage: string | null;
      /** The mass cancellation (job) this batch belongs to. */
      massCancellationId?: string;
    }
  | { type: 'call_started'; consultationId: string }
  | { type: 'call_ended'; consultationIds: readonly string[]; cause: CallEndCause }
  | { type: 'outcome_recorded'; consultationId: string; actorUserId: string; outcome: Extract<ConsultationStatus, 'done' | 'no_show'> }
  | { type: 'citizen_erased'; consultationIds: readonly string[] };

export type ConsultationEventType = ConsultationEvent['type'];

/** A booking about to be written, with everything known of it: what a subscriber needs to describe it. */
export interface NewBooking {
  id: string;
  /** Who books (null: the system). */
  actorUserId: string | null;
  startsAt: Date;
  endsAt: Date;
  /** `phone` a mobile (SMS), `landline` a French landline (calls only). */
  citizen: { name: string; phone: string | null; landline: string | null; email: string | null };
  booth: { name: string; msapName: string; msapAddress: string; msapPhone: string | null; departement: string };
  administration: string;
  agent: { name: string; email: string };
  type: { subject: string; documents: string[] } | null;
}

/**
 * Rows a subscriber writes with a new booking, inserted by the booking's own statement (one
 * data-modifying CTE each): they exist if and only if the booking does, with no transaction around
 * and no extra round trip. The subscriber owns its table's layout: it gives the INSERT's text, its
 * parameters numbered from `firstParam`, and the values to bind there.
 */
export interface BookingCompanion {
  /** `condition` (a `WHERE EXISTS (…)`) decides whether any row is written at all. */
  insert(firstParam: number, condition: string): string;
  values: unknown[];
}

/** Something that must happen in the same transaction as a consultation's change (an outbox row). */
export interface ConsultationEventSubscriber {
  onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void>;
  /** A new booking (the hot path): what `booked` would write, as companions of the booking's statement. */
  companionsOfBooking?(booking: NewBooking): BookingCompanion[];
}

/** Told once the change is committed (in this instance), e.g. to close a cancelled call. Must not throw. */
export type CommittedListener = (event: ConsultationEvent) => void;

/**
 * The consultations domain's events. Subscribers (notifications, statistics) register at init and
 * run inside the change's transaction, so a failed subscriber rolls the change back with it; the
 * dependency points from them to this module. Listeners (calls) hear of a change after its commit.
 */
@Injectable()
export class ConsultationEvents {
  private readonly logger = new Logger('ConsultationEvents');
  private readonly subscribers: ConsultationEventSubscriber[] = [];
  private readonly listeners: CommittedListener[] = [];

  subscribe(subscriber: ConsultationEventSubscriber): void {
    this.subscribers.push(subscriber);
  }

  onCommitted(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  async publish(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    for (const subscriber of this.subscribers) await subscriber.onConsultationEvent(tx, event);
  }

  /** A booking's `booked` event, as rows its own INSERT statement writes (see BookingCompanion). */
  companionsOfBooking(booking: NewBooking): BookingCompanion[] {
    return this.subscribers.flatMap((s) => s.companionsOfBooking?.(booking) ?? []);
  }

  committed(events: readonly ConsultationEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.logger.error({ err: error, event: event.type }, 'a listener of consultation changes failed');
        }
      }
    }
  }
}
