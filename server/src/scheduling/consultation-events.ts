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

/** A booking about to be written, with everything known of it: what a sink needs to describe it. */
export interface NewBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  citizen: { name: string; phone: string | null; email: string | null };
  booth: { name: string; msapName: string; msapAddress: string; departement: string };
  administration: string;
  agent: { name: string; email: string };
  type: { subject: string; documents: string[] } | null;
}

/**
 * Rows a sink writes with a new booking, inserted by the booking's own statement: they exist if and
 * only if the booking does, with no transaction around and no extra round trip. One array of values
 * per column (an `unnest`), so any number of rows, zero included, keeps the statement's shape.
 */
export interface CompanionRows {
  table: string;
  /** Column names and their SQL types, e.g. ['consultation_id', 'uuid']. */
  columns: ReadonlyArray<readonly [name: string, sqlType: string]>;
  values: unknown[][];
  /** Appended to the INSERT, e.g. `ON CONFLICT ON CONSTRAINT … DO NOTHING`. */
  onConflict?: string;
}

/**
 * The INSERT writing `rows`, its arrays bound from `$firstParam` on in column order; `condition`
 * (e.g. `WHERE EXISTS (…)`) decides whether any row is written at all.
 */
export function companionInsert(rows: CompanionRows, firstParam = 1, condition = ''): string {
  const columns = rows.columns.map(([name]) => name).join(', ');
  const arrays = rows.columns.map(([, type], i) => `$${firstParam + i}::${type}[]`).join(', ');
  return `INSERT INTO ${rows.table} (${columns}) SELECT * FROM unnest(${arrays}) ${condition} ${rows.onConflict ?? ''}`;
}

/** Something that must happen in the same transaction as a scheduling change (e.g. an outbox row). */
export interface ConsultationEventSink {
  onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void>;
  /** A new booking (the hot path): what `booked` would write, as rows for the booking's statement. */
  companionsOfBooking(booking: NewBooking): CompanionRows[];
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

  /** A booking's `booked` event, as rows its own INSERT statement writes (see CompanionRows). */
  companionsOfBooking(booking: NewBooking): CompanionRows[] {
    return this.sinks.flatMap((sink) => sink.companionsOfBooking(booking));
  }
}
