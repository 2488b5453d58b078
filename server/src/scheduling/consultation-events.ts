import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export const CONSULTATION_EVENT_TYPES = ['booked', 'rescheduled', 'reassigned', 'cancelled'] as const;
export type ConsultationEventType = (typeof CONSULTATION_EVENT_TYPES)[number];

export interface ConsultationEvent {
  type: ConsultationEventType;
  consultationId: string;
  /** The account that made the change; null for system jobs. */
  actorUserId: string | null;
  /** Where and when it was before a move or a reassignment. */
  previous?: { boothId: string; agentId: string; startsAt: Date; endsAt: Date };
  /** The cancellation reason, as typed by the coordinator. */
  reason?: string;
}

/** Something that must happen in the same transaction as a scheduling change (e.g. an outbox row). */
export interface ConsultationEventSink {
  onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void>;
}

/**
 * The scheduling module publishes every change here, inside the transaction that makes it. Other
 * modules (notifications) register a sink at init instead of being imported by scheduling, so the
 * dependency points from them to us and a failed sink rolls the booking back with it.
 */
@Injectable()
export class ConsultationEvents {
  private readonly sinks: ConsultationEventSink[] = [];

  register(sink: ConsultationEventSink): void {
    this.sinks.push(sink);
  }

  async publish(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    for (const sink of this.sinks) await sink.onConsultationEvent(tx, event);
  }
}
