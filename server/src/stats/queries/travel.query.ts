import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';
import { consultationWhere, HELD, Query } from './consultation-filter';

/** Held consultations of one site with one administration, and where both are (null: not known). */
export interface TravelPairRow {
  held: number;
  siteLat: number | null;
  siteLon: number | null;
  officeLat: number | null;
  officeLon: number | null;
}

/** Held consultations grouped by (site, administration): the distance is computed once per pair. */
export async function travelPairs(query: Query, scope: StatsScope, period: StatsPeriod): Promise<TravelPairRow[]> {
  const where = consultationWhere(scope, period);
  return query<TravelPairRow>(
    `SELECT p.held, s.latitude AS "siteLat", s.longitude AS "siteLon", ad.office_latitude AS "officeLat", ad.office_longitude AS "officeLon"
       FROM (SELECT b.msap_site_id, c.administration_id, count(*)::int AS held
               FROM consultations c JOIN booths b ON b.id = c.booth_id
              WHERE ${where.sql} AND ${HELD}
              GROUP BY 1, 2) p
       JOIN msap_sites s ON s.id = p.msap_site_id
       JOIN administrations ad ON ad.id = p.administration_id`,
    where.params,
  );
}
