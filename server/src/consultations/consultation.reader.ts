import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Interval } from '../common/time/intervals';
import { preparedQuery, preparedTxQuery } from '../database/prepared-query';
import { C_COLUMNS } from './consultation-columns';
import { ConsultationListRow } from './consultation-view';
import { SMS_CAPABLE } from '../../../shared/sms/phone';
import { ConsultationStatus } from './entities/consultation.entity';

/**
 * The reads of the `consultations` table for the modules that show, announce or plan around
 * consultations (scheduling, notifications, calls, directory, retention): with ConsultationRepository
 * (the writes), the only code that touches that table. Other tables are joined here for names.
 */

/** Consultations with the names boards show: `c` the consultation, `s` its MSAP, `a` its agent. */
const LIST_SELECT = `SELECT ${C_COLUMNS}, b.name AS booth_name, s.id AS msap_site_id,
        s.name AS msap_site_name, u.display_name AS agent_name, ad.name AS administration_name, t.subject, t.documents
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
  /** The MSAP's département (coordinators' scope). */
  departement: string;
  consultationTypeId: string | null;
  /** The retention sweep erased the citizen's data: no free text about them may be written any more. */
  citizenErased: boolean;
}

/** Everything a message about a consultation says. */
export interface ConsultationDescription {
  id: string;
  starts_at: Date;
  ends_at: Date;
  citizen_name: string;
  citizen_phone: string | null;
  citizen_landline: string | null;
  citizen_email: string | null;
  booth_name: string;
  msap_name: string;
  msap_address: string;
  msap_phone: string | null;
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
  citizenLandline: string | null;
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
  /** The papers the consultation type asks for (null without a type). */
  papers: string[] | null;
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

/** The consultation `c` with its booth `b`, MSAP `s`, agent `a`, the agent's account `u` and administration `adm`. */
const WITH_NAMES = `FROM consultations c
   JOIN booths b ON b.id = c.booth_id
   JOIN msap_sites s ON s.id = b.msap_site_id
   JOIN agents a ON a.id = c.agent_id
   JOIN users u ON u.id = a.user_id
   JOIN administrations adm ON adm.id = c.administration_id`;

/** A ConsultationSummary's columns, over WITH_NAMES. */
const SUMMARY_COLUMNS = `c.id, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.citizen_name AS "citizenName",
        c.citizen_phone AS "citizenPhone", c.citizen_landline AS "citizenLandline", c.citizen_email AS "citizenEmail",
        s.name AS "msapSiteName", b.name AS "boothName",
        u.display_name AS "agentName", adm.name AS administration`;

const MASS_SELECTION = `${WITH_NAMES}
 WHERE c.status = 'scheduled'
   AND s.departement = $1
   AND ($2::uuid IS NULL OR c.agent_id = $2)
   AND ($3::uuid IS NULL OR c.administration_id = $3)
   AND ($4::uuid IS NULL OR s.id = $4)
   AND c.starts_at >= GREATEST($5::timestamptz, now()) AND c.starts_at < $6::timestamptz`;
const massParams = (c: MassCancellationCriteria) => [c.departement, c.agentId, c.administrationId, c.msapSiteId, c.from, c.to];

const DESCRIBE_SQL = `SELECT c.id, c.starts_at, c.ends_at, c.citizen_name, c.citizen_phone, c.citizen_landline, c.citizen_email,
              b.name AS booth_name, s.name AS msap_name, s.address || ', ' || s.postal_code || ' ' || s.city AS msap_address, s.phone AS msap_phone,
              s.departement, adm.name AS administration, u.display_name AS agent_name, u.email AS agent_email,
              t.subject, t.documents
         ${WITH_NAMES}
         LEFT JOIN consultation_types t ON t.id = c.consultation_type_id
        WHERE c.id = ANY($1::uuid[])`;
const DESCRIBE_ONE_SQL = DESCRIBE_SQL.replace('c.id = ANY($1::uuid[])', 'c.id = $1');

@Injectable()
export class ConsultationReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}


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

  /** For each (agent, [from, to)) span, in order, how many of the agent's scheduled consultations overlap it (absences' bookings to settle). */
  async scheduledCountsForAgents(spans: ReadonlyArray<{ agentId: string; from: Date; to: Date }>): Promise<number[]> {
    if (spans.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM consultations c
                WHERE c.agent_id = x.agent_id AND c.status = 'scheduled' AND c.starts_at < x.to_at AND c.ends_at > x.from_at) AS n
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS x(agent_id, from_at, to_at, i)
        ORDER BY x.i`,
      [spans.map((s) => s.agentId), spans.map((s) => s.from), spans.map((s) => s.to)],
    )) as Array<{ n: number }>;
    return rows.map((r) => r.n);
  }

  /**
   * The scheduled consultations of an MSAP's booths or of an agent starting in [from, to), as bare
   * intervals: a year of a busy MSAP is thousands of rows, and a schedule change is checked against
   * all of them before the few it leaves out are read with their names (scheduledByIds).
   */
  async scheduledSpans(owner: { msapSiteId: string } | { agentId: string }, from: Date, to: Date): Promise<Array<Interval & { id: string }>> {
    const [column, id] = 'agentId' in owner ? ['c.agent_id', owner.agentId] : ['b.msap_site_id', owner.msapSiteId];
    const rows = (await this.dataSource.query(
      `SELECT c.id, (extract(epoch from c.starts_at) * 1000)::float8 AS start, (extract(epoch from c.ends_at) * 1000)::float8 AS "end"
         FROM consultations c JOIN booths b ON b.id = c.booth_id
        WHERE ${column} = $1 AND c.status = 'scheduled' AND c.starts_at >= $2 AND c.starts_at < $3
        ORDER BY c.starts_at, c.id`,
      [id, from, to],
    )) as Array<Interval & { id: string }>;
    return rows;
  }

  /** Consultations with names, by start. */
  scheduledByIds(ids: readonly string[]): Promise<ConsultationListRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(`${LIST_SELECT} WHERE c.id = ANY($1::uuid[]) ORDER BY c.starts_at, c.id`, [ids]);
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

  /** The France Services sites of these consultations and booths (whose desks a change concerns). */
  async sitesOf(consultationIds: readonly string[], boothIds: readonly string[] = []): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT b.msap_site_id AS id FROM booths b
        WHERE b.id = ANY($2::uuid[]) OR b.id IN (SELECT booth_id FROM consultations WHERE id = ANY($1::uuid[]))`,
      [consultationIds, boothIds],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Consultations with names of one site overlapping [from, to): the facilitator's day. */
  siteDay(msapSiteId: string, from: Date, to: Date, limit: number): Promise<ConsultationListRow[]> {
    return this.list({ kind: 'msap', msapSiteId }, from, to, {}, limit);
  }

  async findForCall(id: string): Promise<ConsultationForCall | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT c.id, c.status, c.booth_id AS "boothId", b.msap_site_id AS "msapSiteId", s.name AS "msapSiteName",
              a.user_id AS "agentUserId", c.starts_at AS "startsAt", c.ends_at AS "endsAt",
              s.departement, c.consultation_type_id AS "consultationTypeId", c.citizen_erased_at IS NOT NULL AS "citizenErased"
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
      `SELECT c.id, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.citizen_name AS "citizenName", t.subject, t.documents AS papers,
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
    const rows = (await this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} ${WITH_NAMES} WHERE c.id = ANY($1::uuid[])`, [ids])) as ConsultationSummary[];
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
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE NOT coalesce(c.citizen_phone ~ $7, false) AND c.citizen_email IS NULL)::int AS "withoutContact" ${MASS_SELECTION}`,
      [...massParams(criteria), SMS_CAPABLE.source],
    )) as [{ total: number; withoutContact: number }];
    return row;
  }

  pageMassCancellable(criteria: MassCancellationCriteria, page: number, pageSize: number): Promise<ConsultationSummary[]> {
    return this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} ${MASS_SELECTION} ORDER BY c.starts_at, c.id LIMIT $7 OFFSET $8`, [
      ...massParams(criteria),
      pageSize,
      (page - 1) * pageSize,
    ]);
  }

  /** The ids a mass cancellation selects now, in the caller's transaction (its snapshot). */
  async massCancellableIds(tx: EntityManager, criteria: MassCancellationCriteria): Promise<string[]> {
    const rows = (await tx.query(`SELECT c.id ${MASS_SELECTION} ORDER BY c.id`, massParams(criteria))) as Array<{ id: string }>;
    return rows.map((r) => r.id);
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

