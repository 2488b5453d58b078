import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';
import { bucketSql, Query } from './consultation-filter';

/** Survey responses of one site in one bucket of the series. */
export interface SurveyBucketRow {
  siteId: string;
  bucket: string;
  responses: number;
  good: number;
  medium: number;
  bad: number;
  claritySum: number;
  clarityCount: number;
}

const ANSWERED = `(r.satisfaction IS NOT NULL OR r.clarity IS NOT NULL OR r.sound IS NOT NULL OR r.image IS NOT NULL OR r.documents IS NOT NULL OR r.comment IS NOT NULL)`;

/**
 * The anonymous survey's responses by site and bucket, dated by the day of the response
 * (created_on). Responses name no agent: the caller does not ask with an agent filter.
 */
export async function surveyBuckets(query: Query, scope: StatsScope, period: StatsPeriod): Promise<SurveyBucketRow[]> {
  const params: unknown[] = [period.from, period.to];
  const where = ['r.created_on >= $1::date', 'r.created_on <= $2::date', ANSWERED];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (scope.bySite) add((n) => `r.msap_site_id = ANY($${n}::uuid[])`, scope.sites.map((s) => s.id));
  if (scope.filters.administrationId) add((n) => `r.administration_id = $${n}`, scope.filters.administrationId);
  if (scope.filters.consultationTypeId) add((n) => `r.consultation_type_id = $${n}`, scope.filters.consultationTypeId);
  return query<SurveyBucketRow>(
    `SELECT r.msap_site_id AS "siteId", ${bucketSql(period, 'r.created_on', true)} AS bucket,
            count(*)::int AS responses,
            count(*) FILTER (WHERE r.satisfaction = 'good')::int AS good,
            count(*) FILTER (WHERE r.satisfaction = 'medium')::int AS medium,
            count(*) FILTER (WHERE r.satisfaction = 'bad')::int AS bad,
            coalesce(sum(r.clarity), 0)::int AS "claritySum",
            count(r.clarity)::int AS "clarityCount"
       FROM survey_responses r
      WHERE ${where.join(' AND ')}
      GROUP BY 1, 2`,
    params,
  );
}
