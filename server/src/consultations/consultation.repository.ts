import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Interval } from '../common/time/intervals';
import { preparedQuery, preparedTxQuery } from '../database/prepared-query';
import { BookingCompanion } from './consultation-events';
import { ConsultationListRow, ConsultationRow } from './consultation-view';
import { ConsultationStatus } from './entities/consultation.entity';

/**
 * The only code that reads or writes the `consultations` table. Writes are called by
 * ConsultationsService alone (the only way to change a consultation); reads serve the modules that
 * show, announce or plan around consultations. Other tables are joined here for names, never written.
 */

const COLUMNS = [
  'id', 'status', 'booth_id', 'agent_id', 'administration_id', 'consultation_type_id', 'starts_at', 'ends_at',
  'citizen_name', 'citizen_phone', 'citizen_email', 'cancellation_reason', 'cancelled_at', 'call_started_at', 'call_ended_at',
  'outcome_note', 'created_by_id', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof ConsultationRow>;
const RETURNING = COLUMNS.join(', ');
const C_COLUMNS = COLUMNS.map((c) => `c.${c}`).join(', ');

/** Consultations with the names boards show: `c` the consultation, `s` its MSAP, `a` its agent. */
const LIST_SELECT = `SELECT ${C_COLUMNS}, b.name AS booth_name, s.id AS msap_site_id,
        s.name AS msap_site_name, u.display_name AS agent_name, ad.name AS administration_name, t.subject
   FROM consultations c
   JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id
   JOIN agents a ON a.id = c.agent_id JOIN users u ON u.id = a.user_id
   JOIN administrations ad ON ad.id = c.administration_id
   LEFT JOIN consultation_types t ON t.id = c.consultation_type_id`;

/** Whose consultations a caller sees: everyone's, a département's, an MSAP's, an agent's or a booth's. */
export type ConsultationScope =
  | { kind: 'all' }
  | { kind: 'departement'; departement: string }
  | { kind: 'msap'; msapSiteId: string }
  | { kind: 'agent'; userId: string }
  | { kind: 'booth'; boothId: string };

export interface ConsultationFilters {
  msapSiteId?: string;
  boothId?: string;
  agentId?: string;
  administrationId?: string;
  status?: ConsultationStatus;
}

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
  citizen: { name: string; phone: string | null; email: string | null };
  createdById: string;
}

export interface Slot {
  boothId: string;
  agentId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Who may enter a consultation's call, and when. */
export interface ConsultationForCall {
  id: string;
  status: ConsultationStatus;
  boothId: string;
  msapSiteId: string;
  msapSiteName: string;
  agentUserId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Everything a message about a consultation says. */
export interface ConsultationDescription {
  id: string;
  starts_at: Date;
  ends_at: Date;
  citizen_name: string;
  citizen_phone: string | null;
  citizen_email: string | null;
  booth_name: string;
  msap_name: string;
  msap_address: string;
  departement: string;
  administration: string;
  agent_name: string;
  agent_email: string;
  subject: string | null;
  documents: string[] | null;
}

/** A consultation as lists of messages and mass cancellations name it. */
export interface ConsultationSummary {
  id: string;
  startsAt: Date;
  endsAt: Date;
  citizenName: string;
  citizenPhone: string | null;
  citizenEmail: string | null;
  msapSiteName: string;
  boothName: string;
  agentName: string;
  administration: string;
}

/** An agent's consultation in their calendar feed. */
export interface CalendarEntry {
  id: string;
  startsAt: Date;
  endsAt: Date;
  citizenName: string;
  subject: string | null;
  msapSiteName: string;
  boothName: string;
  administration: string;
  updatedAt: Date;
}

/** What a mass cancellation selects: scheduled, ahead, in one département, narrowed by the rest. */
export interface MassCancellationCriteria {
  departement: string;
  agentId: string | null;
  administrationId: string | null;
  msapSiteId: string | null;
  from: Date;
  to: Date;
}

const MASS_SELECTION = `
  FROM consultations c
  JOIN booths b ON b.id = c.booth_id
  JOIN msap_sites s ON s.id = b.msap_site_id
  JOIN agents a ON a.id = c.agent_id
  JOIN users u ON u.id = a.user_id
  JOIN administrations adm ON adm.id = c.administration_id
 WHERE c.status = 'scheduled'
   AND s.departement = $1
   AND ($2::uuid IS NULL OR c.agent_id = $2)
   AND ($3::uuid IS NULL OR c.administration_id = $3)
   AND ($4::uuid IS NULL OR s.id = $4)
   AND c.starts_at >= GREATEST($5::timestamptz, now()) AND c.starts_at < $6::timestamptz`;
const massParams = (c: MassCancellationCriteria) => [c.departement, c.agentId, c.administrationId, c.msapSiteId, c.from, c.to];

const SUMMARY_SELECT = `SELECT c.id, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.citizen_name AS "citizenName",
        c.citizen_phone AS "citizenPhone", c.citizen_email AS "citizenEmail", s.name AS "msapSiteName", b.name AS "boothName",
        u.display_name AS "agentName", adm.name AS administration
   FROM consultations c
   JOIN booths b ON b.id = c.booth_id
   JOIN msap_sites s ON s.id = b.msap_site_id
   JOIN agents a ON a.id = c.agent_id
   JOIN users u ON u.id = a.user_id
   JOIN administrations adm ON adm.id = c.administration_id`;

const DESCRIBE_SQL = `SELECT c.id, c.starts_at, c.ends_at, c.citizen_name, c.citizen_phone, c.citizen_email,
              b.name AS booth_name, s.name AS msap_name, s.address || ', ' || s.postal_code || ' ' || s.city AS msap_address,
              s.departement, adm.name AS administration, u.display_name AS agent_name, u.email AS agent_email,
              t.subject, t.documents
         FROM consultations c
         JOIN booths b ON b.id = c.booth_id
         JOIN msap_sites s ON s.id = b.msap_site_id
         JOIN administrations adm ON adm.id = c.administration_id
         JOIN agents a ON a.id = c.agent_id
         JOIN users u ON u.id = a.user_id
         LEFT JOIN consultation_types t ON t.id = c.consultation_type_id
        WHERE c.id = ANY($1::uuid[])`;
const DESCRIBE_ONE_SQL = DESCRIBE_SQL.replace('c.id = ANY($1::uuid[])', 'c.id = $1');

const BOOKING_INSERT = `INSERT INTO consultations (id, booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at,
           citizen_name, citizen_phone, citizen_email, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING ${RETURNING}`;
const BOOKING_PARAMS = 11;

@Injectable()
export class ConsultationRepository {
  /** The booking statement's text and name per companion shape (one in practice). */
  private readonly statements = new Map<string, { name: string; text: string }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ── Writes: for ConsultationsService only ─────────────────────────────────────────────────────

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
      c.citizen.name, c.citizen.phone, c.citizen.email, c.createdById,
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
  async cancel(tx: EntityManager, ids: readonly string[], reason: string): Promise<Array<ConsultationRow & { has_contact: boolean }>> {
    const [rows] = (await tx.query(
      `UPDATE consultations SET status = 'cancelled', cancellation_reason = $2, cancelled_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'scheduled'
        RETURNING ${RETURNING}, (citizen_phone IS NOT NULL OR citizen_email IS NOT NULL) AS has_contact`,
      [ids, reason],
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
   * Citizen name → placeholder, phone, e-mail, cancellation reason and outcome note → NULL, for at
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
          SET citizen_name = $3, citizen_phone = NULL, citizen_email = NULL, cancellation_reason = NULL, outcome_note = NULL,
              citizen_erased_at = now()
         FROM picked WHERE c.id = picked.id
       RETURNING c.id`,
      [days, limit, placeholder],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  // ── Reads ─────────────────────────────────────────────────────────────────────────────────────

  /** A scope's consultations overlapping [from, to), with names, by start. */
  list(scope: ConsultationScope, from: Date, to: Date, filters: ConsultationFilters, limit: number): Promise<ConsultationListRow[]> {
    const q = new Where([from, to], ['c.starts_at < $2', 'c.ends_at > $1']);
    q.scope(scope);
    q.equals('s.id', filters.msapSiteId);
    q.equals('c.booth_id', filters.boothId);
    q.equals('c.agent_id', filters.agentId);
    q.equals('c.administration_id', filters.administrationId);
    q.equals('c.status', filters.status);
    return this.dataSource.query(`${LIST_SELECT} WHERE ${q.sql()} ORDER BY c.starts_at, c.id LIMIT ${Number(limit)}`, q.params);
  }

  async get(scope: ConsultationScope, id: string): Promise<ConsultationListRow | undefined> {
    const q = new Where([id], ['c.id = $1']);
    q.scope(scope);
    const [row] = (await this.dataSource.query(`${LIST_SELECT} WHERE ${q.sql()}`, q.params)) as ConsultationListRow[];
    return row;
  }

  /** An agent's scheduled consultations overlapping [from, to) (what an absence would hit). */
  scheduledForAgent(agentId: string, from: Date, to: Date, limit: number): Promise<ConsultationListRow[]> {
    return this.dataSource.query(
      `${LIST_SELECT} WHERE c.agent_id = $1 AND c.status = 'scheduled' AND c.starts_at < $3 AND c.ends_at > $2 ORDER BY c.starts_at, c.id LIMIT ${Number(limit)}`,
      [agentId, from, to],
    );
  }

  /** Those of `agentIds` holding a consultation (not cancelled) overlapping [from, to). */
  async busyAgents(agentIds: readonly string[], from: Date, to: Date): Promise<Set<string>> {
    if (agentIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT agent_id FROM consultations WHERE agent_id = ANY($1::uuid[]) AND status <> 'cancelled' AND starts_at < $3 AND ends_at > $2`,
      [agentIds, from, to],
    )) as Array<{ agent_id: string }>;
    return new Set(rows.map((r) => r.agent_id));
  }

  /**
   * The consultations (not cancelled) of `boothIds` or `agentIds` overlapping [from, to), each as the
   * index of its booth and agent in those arrays (-1: not among them), start rounded down and end up
   * to the second (never less busy than booked). Thousands of rows: one flat JSON array of integers,
   * half the bytes and database time of an array of arrays.
   */
  async busyInWindow(boothIds: readonly string[], agentIds: readonly string[], from: Date, to: Date): Promise<Array<Interval & { booth: number; agent: number }>> {
    const [row] = await preparedQuery<{ flat: string }>(
      this.dataSource,
      'consultations-busy-in-window',
      `SELECT '[' || coalesce(string_agg(concat_ws(',', coalesce(array_position($1::uuid[], booth_id), 0) - 1,
                coalesce(array_position($2::uuid[], agent_id), 0) - 1,
                floor(date_part('epoch', starts_at - $3))::int, ceil(date_part('epoch', ends_at - $3))::int), ','), '') || ']' AS flat
         FROM consultations
        -- The expression and predicate of the exclusion constraints: their GiST indexes find the window.
        WHERE status <> 'cancelled' AND tstzrange(starts_at, ends_at, '[)') && tstzrange($3, $4, '[)')
          AND (booth_id = ANY($1::uuid[]) OR agent_id = ANY($2::uuid[]))`,
      [boothIds, agentIds, from, to],
    );
    const n = JSON.parse(row?.flat ?? '[]') as number[];
    const origin = from.getTime();
    const out: Array<Interval & { booth: number; agent: number }> = new Array(n.length / 4);
    for (let i = 0, k = 0; i < n.length; i += 4, k++) {
      out[k] = { booth: n[i]!, agent: n[i + 1]!, start: origin + n[i + 2]! * 1000, end: origin + n[i + 3]! * 1000 };
    }
    return out;
  }

  /** How many consultations are still scheduled ahead on a booth (in the caller's transaction). */
  async countScheduledAhead(tx: EntityManager, boothId: string): Promise<number> {
    const [{ ahead }] = (await tx.query(
      `SELECT count(*)::int AS ahead FROM consultations WHERE booth_id = $1 AND status = 'scheduled' AND ends_at > now()`,
      [boothId],
    )) as [{ ahead: number }];
    return ahead;
  }

  async findForCall(id: string): Promise<ConsultationForCall | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT c.id, c.status, c.booth_id AS "boothId", b.msap_site_id AS "msapSiteId", s.name AS "msapSiteName",
              a.user_id AS "agentUserId", c.starts_at AS "startsAt", c.ends_at AS "endsAt"
         FROM consultations c JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id JOIN agents a ON a.id = c.agent_id
        WHERE c.id = $1`,
      [id],
    )) as ConsultationForCall[];
    return row;
  }

  /** What messages about these consultations say, read in the caller's transaction. */
  describe(tx: EntityManager, ids: readonly string[]): Promise<ConsultationDescription[]> {
    // One consultation (a move, a cancellation): a named statement, planned once per connection;
    // planned on every call, this seven-table join cost ten times its execution.
    if (ids.length === 1) return preparedTxQuery<ConsultationDescription>(tx, 'consultations-describe-one', DESCRIBE_ONE_SQL, [ids[0]]);
    return tx.query(DESCRIBE_SQL, [ids]);
  }

  /** Scheduled consultations with a phone or an e-mail starting in (from, to], by start. */
  remindable(from: Date, to: Date): Promise<Array<{ id: string; startsAt: Date; createdAt: Date }>> {
    return this.dataSource.query(
      `SELECT id, starts_at AS "startsAt", created_at AS "createdAt" FROM consultations
        WHERE status = 'scheduled' AND starts_at > $1 AND starts_at <= $2 AND (citizen_phone IS NOT NULL OR citizen_email IS NOT NULL)
        ORDER BY starts_at, id`,
      [from, to],
    );
  }

  /** An agent's consultations (not cancelled) starting in [from, to), by start. */
  agentCalendar(userId: string, from: Date, to: Date, limit: number): Promise<CalendarEntry[]> {
    return this.dataSource.query(
      `SELECT c.id, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.citizen_name AS "citizenName", t.subject,
              s.name AS "msapSiteName", b.name AS "boothName", adm.name AS administration, c.updated_at AS "updatedAt"
         FROM consultations c
         JOIN agents a ON a.id = c.agent_id
         JOIN booths b ON b.id = c.booth_id
         JOIN msap_sites s ON s.id = b.msap_site_id
         JOIN administrations adm ON adm.id = c.administration_id
         LEFT JOIN consultation_types t ON t.id = c.consultation_type_id
        WHERE a.user_id = $1 AND c.status <> 'cancelled' AND c.starts_at >= $2 AND c.starts_at < $3
        ORDER BY c.starts_at LIMIT $4`,
      [userId, from, to, limit],
    );
  }

  /** Consultations as lists name them, in the order of `ids` (unknown ids left out). */
  async summaries(ids: readonly string[]): Promise<ConsultationSummary[]> {
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(`${SUMMARY_SELECT} WHERE c.id = ANY($1::uuid[])`, [ids])) as ConsultationSummary[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Those of `ids` that are over: cancelled, or their booked end has passed. */
  async finishedAmong(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT id FROM consultations WHERE id = ANY($1::uuid[]) AND (status = 'cancelled' OR ends_at <= now())`,
      [ids],
    )) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  async countMassCancellable(criteria: MassCancellationCriteria): Promise<{ total: number; withoutContact: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE c.citizen_phone IS NULL AND c.citizen_email IS NULL)::int AS "withoutContact" ${MASS_SELECTION}`,
      massParams(criteria),
    )) as [{ total: number; withoutContact: number }];
    return row;
  }

  pageMassCancellable(criteria: MassCancellationCriteria, page: number, pageSize: number): Promise<ConsultationSummary[]> {
    return this.dataSource.query(
      `SELECT c.id, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.citizen_name AS "citizenName",
              c.citizen_phone AS "citizenPhone", c.citizen_email AS "citizenEmail", s.name AS "msapSiteName", b.name AS "boothName",
              u.display_name AS "agentName", adm.name AS administration
         ${MASS_SELECTION}
        ORDER BY c.starts_at, c.id LIMIT $7 OFFSET $8`,
      [...massParams(criteria), pageSize, (page - 1) * pageSize],
    );
  }

  /** The ids a mass cancellation selects now, in the caller's transaction (its snapshot). */
  async massCancellableIds(tx: EntityManager, criteria: MassCancellationCriteria): Promise<string[]> {
    const rows = (await tx.query(`SELECT c.id ${MASS_SELECTION} ORDER BY c.id`, massParams(criteria))) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  // ──────────────────────────────────────────────────────────────────────────────────────────────

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

/** A WHERE clause built from fixed conditions, its parameters bound in order. */
class Where {
  constructor(
    readonly params: unknown[],
    private readonly conditions: string[],
  ) {}

  equals(column: string, value: string | undefined): void {
    if (value !== undefined) this.conditions.push(`${column} = ${this.bind(value)}`);
  }

  scope(scope: ConsultationScope): void {
    switch (scope.kind) {
      case 'all':
        return;
      case 'departement':
        return void this.conditions.push(`s.departement = ${this.bind(scope.departement)}`);
      case 'msap':
        return void this.conditions.push(`s.id = ${this.bind(scope.msapSiteId)}`);
      case 'agent':
        return void this.conditions.push(`a.user_id = ${this.bind(scope.userId)}`);
      case 'booth':
        return void this.conditions.push(`c.booth_id = ${this.bind(scope.boothId)}`);
    }
  }

  sql(): string {
    return this.conditions.join(' AND ');
  }

  private bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}
