import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { C_COLUMNS, RETURNING } from './consultation-columns';
import { BookingCompanion } from './consultation-events';
import { SMS_CAPABLE } from '../../../shared/sms/phone';
import type { CancellationCause } from '../../../shared/scheduling/cancellation';
import { ConsultationRow } from './consultation-view';

/**
 * The writes of the `consultations` table, and the reads a change needs. Provided to
 * ConsultationsModule only: ConsultationsService is the one caller, so the one way a consultation
 * changes. Other modules read through ConsultationReader.
 */

/** A consultation with what a change needs: its MSAP (rights) and its agent's account. */
export interface ConsultationForChange extends ConsultationRow {
  msap_site_id: string;
  departement: string;
  agent_user_id: string;
}

export interface NewConsultation {
  id: string;
  boothId: string;
  agentId: string;
  administrationId: string;
  consultationTypeId: string;
  startsAt: Date;
  endsAt: Date;
  citizen: { name: string; phone: string | null; landline: string | null; email: string | null };
  createdById: string;
}

export interface Slot {
  boothId: string;
  agentId: string;
  startsAt: Date;
  endsAt: Date;
}

const BOOKING_INSERT = `INSERT INTO consultations (id, booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at,
           citizen_name, citizen_phone, citizen_landline, citizen_email, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING ${RETURNING}`;
const BOOKING_PARAMS = 12;

@Injectable()
export class ConsultationRepository {
  /** The booking statement's text and name per companion shape (one in practice). */
  private readonly statements = new Map<string, { name: string; text: string }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}


  /**
   * One statement, so no transaction to open and commit: the consultation and its companions
   * (outbox rows) are written together or not at all. DO NOTHING works with exclusion constraints:
   * a taken interval inserts no row (and so no companion) and returns undefined instead of raising,
   * and concurrent inserts wait for each other without deadlocking.
   */
  async insert(c: NewConsultation, companions: BookingCompanion[]): Promise<ConsultationRow | undefined> {
    const { name, text } = this.bookingStatement(companions);
    const params = [
      c.id, c.boothId, c.agentId, c.administrationId, c.consultationTypeId, c.startsAt, c.endsAt,
      c.citizen.name, c.citizen.phone, c.citizen.landline, c.citizen.email, c.createdById,
      ...companions.flatMap((companion) => companion.values),
    ];
    const [row] = await preparedQuery<ConsultationRow>(this.dataSource, name, text, params);
    return row;
  }

  /** Which of the booth and the agent hold another consultation over [start, end). */
  async takenBy(boothId: string, agentId: string, start: Date, end: Date): Promise<{ booth: boolean; agent: boolean }> {
    const [taken] = await preparedQuery<{ booth: boolean | null; agent: boolean | null }>(
      this.dataSource,
      'consultations-taken-by',
      `SELECT bool_or(booth_id = $1) AS booth, bool_or(agent_id = $2) AS agent FROM consultations
        WHERE (booth_id = $1 OR agent_id = $2) AND status <> 'cancelled' AND tstzrange(starts_at, ends_at, '[)') && tstzrange($3, $4, '[)')`,
      [boothId, agentId, start, end],
    );
    return { booth: taken?.booth === true, agent: taken?.agent === true };
  }

  async findForChange(id: string): Promise<ConsultationForChange | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${C_COLUMNS}, b.msap_site_id, s.departement, a.user_id AS agent_user_id
         FROM consultations c JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id JOIN agents a ON a.id = c.agent_id
        WHERE c.id = $1`,
      [id],
    )) as ConsultationForChange[];
    return row;
  }

  /** Only a consultation still scheduled moves: the WHERE settles a race with a cancellation. */
  async move(tx: EntityManager, id: string, slot: Slot): Promise<ConsultationRow | undefined> {
    return this.one(tx, `UPDATE consultations SET booth_id = $2, agent_id = $3, starts_at = $4, ends_at = $5, updated_at = now()
       WHERE id = $1 AND status = 'scheduled' RETURNING ${RETURNING}`, [id, slot.boothId, slot.agentId, slot.startsAt, slot.endsAt]);
  }

  /** Cancels those of `ids` still scheduled; a consultation moved on or already cancelled is left alone. */
  async cancel(tx: EntityManager, ids: readonly string[], reason: string, cause: CancellationCause): Promise<Array<ConsultationRow & { has_contact: boolean }>> {
    const [rows] = (await tx.query(
      `UPDATE consultations SET status = 'cancelled', cancellation_reason = $2, cancellation_cause = $4, cancelled_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'scheduled'
        RETURNING ${RETURNING}, (coalesce(citizen_phone ~ $3, false) OR citizen_email IS NOT NULL) AS has_contact`,
      [ids, reason, SMS_CAPABLE.source, cause],
    )) as [Array<ConsultationRow & { has_contact: boolean }>, number];
    return rows;
  }

  /** Any status but cancelled: the agent records it after the call, or corrects it later. */
  async recordOutcome(tx: EntityManager, id: string, status: 'done' | 'no_show', note: string | null): Promise<ConsultationRow | undefined> {
    return this.one(tx, `UPDATE consultations SET status = $2, outcome_note = $3, outcome_recorded_at = now(), updated_at = now(),
              call_ended_at = CASE WHEN status = 'in_progress' THEN now() ELSE call_ended_at END
        WHERE id = $1 AND status <> 'cancelled' RETURNING ${RETURNING}`, [id, status, note]);
  }

  /** Scheduled → in progress; the first admission sets the start. False when it was not scheduled. */
  async markInProgress(tx: EntityManager, id: string): Promise<boolean> {
    return this.changed(tx, `UPDATE consultations SET status = 'in_progress', call_started_at = coalesce(call_started_at, now()), updated_at = now()
        WHERE id = $1 AND status = 'scheduled'`, [id]);
  }

  /** Scheduled or in progress → ended. With `after`, only a consultation in progress whose end has passed it. */
  async markEnded(tx: EntityManager, id: string, after?: Date): Promise<boolean> {
    if (after) {
      return this.changed(tx, `UPDATE consultations SET status = 'ended', call_ended_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'in_progress' AND ends_at <= $2`, [id, after]);
    }
    return this.changed(tx, `UPDATE consultations SET status = 'ended', call_ended_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'in_progress')`, [id]);
  }

  /**
   * Ends the consultations still in progress once nobody may join any more (their end + margin):
   * their end is the last moment anyone could have been there. Returns their ids.
   */
  async endOverdue(tx: EntityManager, now: Date, marginMinutes: number): Promise<string[]> {
    const [rows] = (await tx.query(
      `UPDATE consultations SET status = 'ended', updated_at = now(),
              call_ended_at = least($1::timestamptz, ends_at + make_interval(mins => $2))
        WHERE status = 'in_progress' AND ends_at + make_interval(mins => $2) < $1 RETURNING id`,
      [now, marginMinutes],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  /**
   * Citizen name → placeholder, phones, e-mail, cancellation reason and outcome note → NULL, for at
   * most `limit` consultations cancelled or ended more than `days` ago (a cancelled one counts from
   * its cancellation, even if its slot was later; a scheduled one ends in the future). Their ids.
   */
  async eraseCitizens(tx: EntityManager, days: number, limit: number, placeholder: string): Promise<string[]> {
    const [rows] = (await tx.query(
      `WITH picked AS (
         SELECT id FROM consultations
          WHERE citizen_erased_at IS NULL
            AND (CASE WHEN status = 'cancelled' THEN COALESCE(cancelled_at, ends_at) ELSE ends_at END) < now() - make_interval(days => $1)
          LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE consultations c
          SET citizen_name = $3, citizen_phone = NULL, citizen_landline = NULL, citizen_email = NULL, cancellation_reason = NULL, outcome_note = NULL,
              citizen_erased_at = now()
         FROM picked WHERE c.id = picked.id
       RETURNING c.id`,
      [days, limit, placeholder],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }


  private async one(tx: EntityManager, sql: string, params: unknown[]): Promise<ConsultationRow | undefined> {
    const [rows] = (await tx.query(sql, params)) as [ConsultationRow[], number];
    return rows[0];
  }

  private async changed(tx: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
    const [, count] = (await tx.query(sql, params)) as [unknown, number];
    return count > 0;
  }

  /**
   * The booking's INSERT with one data-modifying CTE per companion, each writing its rows only if
   * the consultation was inserted. The text depends only on the companions' shape, so it is a named
   * statement, planned once per connection; its name is derived from the text.
   */
  private bookingStatement(companions: BookingCompanion[]): { name: string; text: string } {
    let next = BOOKING_PARAMS + 1;
    const ctes = companions.map((c, i) => {
      const sql = c.insert(next, 'WHERE EXISTS (SELECT 1 FROM booked)');
      next += c.values.length;
      return `, companion${i} AS (${sql})`;
    });
    const text = `WITH booked AS (${BOOKING_INSERT})${ctes.join('')} SELECT * FROM booked`;
    let statement = this.statements.get(text);
    if (!statement) {
      statement = { name: `consultations-book-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text };
      this.statements.set(text, statement);
    }
    return statement;
  }
}
