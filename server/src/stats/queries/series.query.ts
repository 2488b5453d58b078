import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';
import { bucketStartSql, consultationWhere, HELD, NEVER_OPENED, Query } from './consultation-filter';

/** The consultations of one site in one bucket of the series. */
export interface SiteBucketRow {
  siteId: string;
  bucket: string;
  booked: number;
  held: number;
  cancelled: number;
  noShowCitizen: number;
  noShowAgent: number;
  heldSeconds: number;
}

/**
 * Counts per France Services site and bucket (week or month, Paris time): the series (summed over
 * sites) and the sites table (summed over buckets) come from these few hundred rows, with the same
 * expressions as the totals (consultations.query.ts).
 * NOTE (performance, issue 15): consultations are grouped by booth and bucket start (a hash
 * aggregate on a uuid and a timestamp) and only those few thousand groups are joined to their site
 * and formatted; grouping each row by site and text sorted a national year (334,000 rows) to disk.
 * call_quality is read only for the rare consultations that can be an agent's no-show (never
 * opened, over), by its primary key: the join of every consultation to it cost more than the rest.
 * A scalar subquery rather than EXISTS, which PostgreSQL may turn into a hash of the whole table.
 */
export async function siteBuckets(query: Query, scope: StatsScope, period: StatsPeriod, now: number): Promise<SiteBucketRow[]> {
  const where = consultationWhere(scope, period);
  const nowParam = `$${where.params.length + 1}`;
  const rows = await query<SiteBucketRow>(
    `SELECT b.msap_site_id AS "siteId", to_char(g.bucket, 'YYYY-MM-DD') AS bucket,
            sum(g.booked)::int AS booked, sum(g.held)::int AS held, sum(g.cancelled)::int AS cancelled,
            sum(g.no_show_citizen)::int AS "noShowCitizen", sum(g.no_show_agent)::int AS "noShowAgent",
            coalesce(sum(g.held_seconds), 0)::float8 AS "heldSeconds"
       FROM (SELECT c.booth_id, ${bucketStartSql(period, 'c.starts_at')} AS bucket,
                    count(*) AS booked,
                    count(*) FILTER (WHERE ${HELD}) AS held,
                    count(*) FILTER (WHERE c.status = 'cancelled') AS cancelled,
                    count(*) FILTER (WHERE c.status = 'no_show') AS no_show_citizen,
                    count(*) FILTER (WHERE ${NEVER_OPENED} AND c.ends_at <= ${nowParam}
                                       AND (SELECT q.booth_lobby_at IS NOT NULL FROM call_quality q WHERE q.consultation_id = c.id)) AS no_show_agent,
                    sum(extract(epoch from c.ends_at - c.starts_at)) FILTER (WHERE ${HELD}) AS held_seconds
               FROM consultations c
              WHERE ${where.sql}
              GROUP BY 1, 2) g
       JOIN booths b ON b.id = g.booth_id
      GROUP BY b.msap_site_id, g.bucket`,
    [...where.params, new Date(now)],
  );
  return rows;
}
