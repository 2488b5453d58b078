import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { consultationWhere, HELD, NEVER_OPENED, PARIS_TZ } from './queries/consultation-filter';
import type { StatsPeriod } from './stats-period';
import type { StatsScope } from './stats-scope';

/**
 * One anonymous line per consultation of a filtered view: what the indicators count, nothing that
 * names or reaches a person (no citizen name, phone, e-mail, outcome note, cancellation reason, nor
 * agent). `issue` is the id of the activity indicator the line is counted in, with the same
 * expressions (HELD, NEVER_OPENED) as the report: counting the lines by issue gives its figures.
 */
export const CONSULTATION_EXPORT_COLUMNS = [
  'date',
  'departement',
  'site',
  'administration',
  'type',
  'issue',
  'cause_annulation',
  'delai_reservation_jours',
  'attente_minutes',
  'duree_reelle_minutes',
  'duree_reservee_minutes',
  'audio_seul',
  'reconnexions',
  'echec_connexion',
] as const;
export type ConsultationExportColumn = (typeof CONSULTATION_EXPORT_COLUMNS)[number];
export type ConsultationExportRow = Record<ConsultationExportColumn, string | number | boolean | null>;
/** A line's values, in CONSULTATION_EXPORT_COLUMNS' order (an array: no object, no key per cell). */
export type ConsultationExportValues = ConsultationExportRow[ConsultationExportColumn][];

/** Rows fetched from the cursor at once: a few hundred kilobytes of CSV. */
const FETCH_ROWS = 2000;
const minutes = (a: string, b: string) => `round((extract(epoch from ${a} - ${b}) / 60)::numeric, 1)::float8`;
const FAILED = `(q.connect_failure IS NOT NULL AND q.media_connected_at IS NULL)`;

function exportSql(scope: StatsScope, period: StatsPeriod): { sql: string; params: unknown[] } {
  const where = consultationWhere(scope, period);
  const now = `$${where.params.length + 1}`;
  const sql = `SELECT
      to_char(c.starts_at AT TIME ZONE '${PARIS_TZ}', 'YYYY-MM-DD HH24:MI') AS "date",
      s.departement AS "departement",
      s.name AS "site",
      ad.name AS "administration",
      t.subject AS "type",
      CASE WHEN c.status = 'cancelled' THEN 'cancelled'
           WHEN c.status = 'no_show' THEN 'no_show_citizen'
           WHEN ${HELD} THEN 'held'
           WHEN ${NEVER_OPENED} AND c.ends_at > ${now} THEN 'upcoming'
           WHEN ${NEVER_OPENED} AND q.booth_lobby_at IS NOT NULL THEN 'no_show_agent'
           ELSE 'no_outcome' END AS "issue",
      c.cancellation_cause AS "cause_annulation",
      round((extract(epoch from c.starts_at - c.created_at) / 86400)::numeric, 1)::float8 AS "delai_reservation_jours",
      CASE WHEN ${HELD} AND q.booth_lobby_at IS NOT NULL
           THEN greatest(0, ${minutes('c.call_started_at', 'greatest(q.booth_lobby_at, c.starts_at)')}) END AS "attente_minutes",
      CASE WHEN ${HELD} AND c.call_ended_at IS NOT NULL THEN ${minutes('c.call_ended_at', 'c.call_started_at')} END AS "duree_reelle_minutes",
      ${minutes('c.ends_at', 'c.starts_at')} AS "duree_reservee_minutes",
      CASE WHEN ${HELD} AND q.consultation_id IS NOT NULL THEN q.audio_only END AS "audio_seul",
      CASE WHEN ${HELD} AND q.consultation_id IS NOT NULL THEN q.reconnections END AS "reconnexions",
      CASE WHEN ${FAILED} THEN q.connect_failure END AS "echec_connexion"
    FROM consultations c
    JOIN booths b ON b.id = c.booth_id
    JOIN msap_sites s ON s.id = b.msap_site_id
    JOIN administrations ad ON ad.id = c.administration_id
    LEFT JOIN consultation_types t ON t.id = c.consultation_type_id
    LEFT JOIN call_quality q ON q.consultation_id = c.id
    WHERE ${where.sql}
    ORDER BY c.starts_at, c.id`;
  return { sql, params: [...where.params, new Date()] };
}

/** An open server-side cursor over the export's rows; `close` may be called any number of times. */
export interface ExportCursor {
  /** The next rows, each its values in CONSULTATION_EXPORT_COLUMNS' order; none at the end. */
  next(): Promise<ConsultationExportValues[]>;
  close(): Promise<void>;
}

/**
 * Reads a view's consultations through a PostgreSQL cursor (DECLARE … FETCH) in a read-only
 * repeatable-read transaction: one snapshot for the whole file, and never more than FETCH_ROWS rows
 * in memory, however long the period.
 */
@Injectable()
export class ConsultationsExport {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(scope: StatsScope, period: StatsPeriod): Promise<ExportCursor> {
    const runner = this.dataSource.createQueryRunner();
    // The pool's pg client itself, for the FETCHes (see fetchRows).
    const client = (await runner.connect()) as PoolClient;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await runner.query('COMMIT').catch(() => undefined);
      await runner.release();
    };
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { sql, params } = exportSql(scope, period);
      await runner.query(`DECLARE stats_export NO SCROLL CURSOR FOR ${sql}`, params);
    } catch (error) {
      await close();
      throw error;
    }
    return {
      next: async () => (closed ? [] : fetchRows(client)),
      close,
    };
  }
}

/**
 * Rows as arrays (pg's rowMode 'array', on the raw client: TypeORM's query() has no such option),
 * not one object per row (about 50 MB less garbage per national year; the RSS bound itself is the
 * server's old-generation limit, see scripts/start.sh).
 */
async function fetchRows(client: PoolClient): Promise<ConsultationExportValues[]> {
  const result = await client.query<ConsultationExportValues>({ text: `FETCH FORWARD ${FETCH_ROWS} FROM stats_export`, rowMode: 'array' });
  return result.rows;
}
