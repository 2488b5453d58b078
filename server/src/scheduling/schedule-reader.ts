import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConsultationReader } from '../consultations/consultation.reader';
import { preparedQuery } from '../database/prepared-query';
import { Interval } from '../common/time/intervals';
import { WeeklyRange } from '../common/time/paris-time';

/** A booking's resources, with the names its notifications need (no second read to announce it). */
export interface BookingContext {
  booth: { id: string; msapSiteId: string; departement: string; name: string; msapName: string; msapAddress: string; msapPhone: string | null } | null;
  agent: { id: string; userId: string; administrationId: string; departement: string; administrationName: string; displayName: string; email: string; active: boolean } | null;
  type: { id: string; administrationId: string; durationMinutes: number; active: boolean; subject: string; documents: string[] } | null;
  availability: WeeklyRange[];
  opening: WeeklyRange[];
  absences: Interval[];
  closures: Interval[];
}

export interface SearchData {
  site: { id: string; departement: string } | null;
  type: { id: string; administrationId: string; durationMinutes: number; active: boolean } | null;
  booths: Array<{ id: string; name: string }>;
  agents: Array<{ id: string; displayName: string }>;
  opening: WeeklyRange[];
  closures: Interval[];
  /** `agent` and `booth` are indexes into `agents` and `booths`; -1 when not among them. */
  availability: Array<WeeklyRange & { agent: number }>;
  absences: Array<Interval & { agent: number }>;
  bookings: Array<Interval & { booth: number; agent: number }>;
}

type Range3 = [number, number, number];
type Range4 = [number, number, number, number];
type Span = [number, number];

interface BookingContextRow {
  booth: BookingContext['booth'];
  agent: BookingContext['agent'];
  type: BookingContext['type'];
  availability: Range3[];
  opening: Range3[];
  absences: Span[];
  closures: Span[];
}

interface SearchRow {
  site: SearchData['site'];
  type: SearchData['type'];
  booths: SearchData['booths'];
  agents: SearchData['agents'];
  opening: Range3[];
  closures: Span[];
  availability: Range4[];
  absences: Array<[number, number, number]>;
}

const ms = (col: string) => `(extract(epoch from ${col}) * 1000)::float8`;
const RANGE = `json_build_array(weekday, start_minute, end_minute)`;
const SPAN = `json_build_array(${ms('starts_at')}, ${ms('ends_at')})`;

/**
 * Everything a booking or a slot search decides on, each in one round trip: these run on every
 * request of the hot paths, so they are hand-written SQL returning JSON, not entity graphs.
 */
@Injectable()
export class ScheduleReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationReader,
  ) {}

  async bookingContext(
    boothId: string,
    agentId: string,
    typeId: string | null,
    from: Date,
    to: Date,
  ): Promise<BookingContext> {
    const [row] = await preparedQuery<BookingContextRow>(
      this.dataSource,
      'scheduling-booking-context',
      `SELECT
        (SELECT json_build_object('id', b.id, 'msapSiteId', b.msap_site_id, 'departement', s.departement, 'name', b.name,
                  'msapName', s.name, 'msapAddress', s.address || ', ' || s.postal_code || ' ' || s.city, 'msapPhone', s.phone)
           FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE b.id = $1) AS booth,
        (SELECT json_build_object('id', a.id, 'userId', a.user_id, 'administrationId', a.administration_id, 'departement', ad.departement,
                  'administrationName', ad.name, 'displayName', u.display_name, 'email', u.email,
                  'active', u.role = 'agent' AND u.disabled_at IS NULL)
           FROM agents a JOIN administrations ad ON ad.id = a.administration_id JOIN users u ON u.id = a.user_id WHERE a.id = $2) AS agent,
        (SELECT json_build_object('id', t.id, 'administrationId', t.administration_id, 'durationMinutes', t.duration_minutes, 'active', t.active,
                  'subject', t.subject, 'documents', t.documents)
           FROM consultation_types t WHERE t.id = $3::uuid) AS type,
        (SELECT coalesce(json_agg(${RANGE}), '[]') FROM agent_availabilities WHERE agent_id = $2) AS availability,
        (SELECT coalesce(json_agg(${RANGE}), '[]') FROM msap_opening_hours
           WHERE msap_site_id = (SELECT msap_site_id FROM booths WHERE id = $1)) AS opening,
        (SELECT coalesce(json_agg(${SPAN}), '[]') FROM agent_absences WHERE agent_id = $2 AND starts_at < $5 AND ends_at > $4) AS absences,
        (SELECT coalesce(json_agg(${SPAN}), '[]') FROM msap_closures
           WHERE msap_site_id = (SELECT msap_site_id FROM booths WHERE id = $1) AND starts_at < $5 AND ends_at > $4) AS closures`,
      [boothId, agentId, typeId, from, to],
    );
    if (!row) throw new Error('booking context query returned no row');
    return {
      booth: row.booth,
      agent: row.agent,
      type: row.type,
      availability: row.availability.map(toRange),
      opening: row.opening.map(toRange),
      absences: row.absences.map(toSpan),
      closures: row.closures.map(toSpan),
    };
  }

  async searchData(q: {
    siteId: string | null;
    boothId: string | null;
    agentId: string | null;
    typeId: string;
    from: Date;
    to: Date;
  }): Promise<SearchData> {
    const [row] = await preparedQuery<SearchRow>(
      this.dataSource,
      'scheduling-slot-search',
      // Agents and booths are numbered in their answer order; everything else refers to them by that
      // number (-1: not searched), and so do the bookings read next (ConsultationReader.busyInWindow).
      `WITH s AS (SELECT id, departement FROM msap_sites WHERE id = coalesce($1::uuid, (SELECT msap_site_id FROM booths WHERE id = $2::uuid))),
            t AS (SELECT id, administration_id, duration_minutes, active FROM consultation_types WHERE id = $4),
            b AS (SELECT id, name, (row_number() OVER (ORDER BY name, id) - 1)::int AS i
                    FROM booths WHERE msap_site_id = (SELECT id FROM s) AND ($2::uuid IS NULL OR id = $2::uuid) AND retired_at IS NULL),
            a AS (SELECT ag.id, u.display_name, (row_number() OVER (ORDER BY u.display_name, ag.id) - 1)::int AS i
                    FROM agents ag JOIN users u ON u.id = ag.user_id
                   WHERE ag.administration_id = (SELECT administration_id FROM t) AND u.role = 'agent' AND u.disabled_at IS NULL AND ($3::uuid IS NULL OR ag.id = $3::uuid))
       SELECT
        (SELECT json_build_object('id', id, 'departement', departement) FROM s) AS site,
        (SELECT json_build_object('id', id, 'administrationId', administration_id, 'durationMinutes', duration_minutes, 'active', active) FROM t) AS type,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name) ORDER BY i), '[]') FROM b) AS booths,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'displayName', display_name) ORDER BY i), '[]') FROM a) AS agents,
        (SELECT coalesce(json_agg(${RANGE}), '[]') FROM msap_opening_hours WHERE msap_site_id = (SELECT id FROM s)) AS opening,
        (SELECT coalesce(json_agg(${SPAN}), '[]') FROM msap_closures
           WHERE msap_site_id = (SELECT id FROM s) AND starts_at < $6 AND ends_at > $5) AS closures,
        (SELECT coalesce(json_agg(json_build_array(a.i, weekday, start_minute, end_minute)), '[]')
           FROM agent_availabilities av JOIN a ON a.id = av.agent_id) AS availability,
        (SELECT coalesce(json_agg(json_build_array(a.i, ${ms('starts_at')}, ${ms('ends_at')})), '[]')
           FROM agent_absences ab JOIN a ON a.id = ab.agent_id WHERE starts_at < $6 AND ends_at > $5) AS absences`,
      [q.siteId, q.boothId, q.agentId, q.typeId, q.from, q.to],
    );
    if (!row) throw new Error('slot search query returned no row');
    return {
      site: row.site,
      type: row.type,
      booths: row.booths,
      agents: row.agents,
      opening: row.opening.map(toRange),
      closures: row.closures.map(toSpan),
      availability: row.availability.map(([agent, weekday, startMinute, endMinute]) => ({ agent, weekday, startMinute, endMinute })),
      absences: row.absences.map(([agent, start, end]) => ({ agent, start, end })),
      bookings: await this.consultations.busyInWindow(
        row.booths.map((b) => b.id),
        row.agents.map((a) => a.id),
        q.from,
        q.to,
      ),
    };
  }
}

const toRange = ([weekday, startMinute, endMinute]: Range3): WeeklyRange => ({ weekday, startMinute, endMinute });
const toSpan = ([start, end]: Span): Interval => ({ start, end });
