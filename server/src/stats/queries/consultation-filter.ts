import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';

export const PARIS_TZ = 'Europe/Paris';

/**
 * A consultation `c` counted as held (indicator `held`): the agent admitted someone, and did not
 * declare the citizen absent afterwards. One expression for every query.
 */
export const HELD = `(c.call_started_at IS NOT NULL AND c.status NOT IN ('cancelled', 'no_show'))`;
/** Neither cancelled, nor declared absent, nor ever opened: upcoming, an agent's no-show or no known outcome. */
export const NEVER_OPENED = `(c.call_started_at IS NULL AND c.status NOT IN ('cancelled', 'no_show'))`;

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * The consultations `c` of a scope whose appointment falls in the period. The range on starts_at
 * comes first and alone on its column (sargable: the (booth_id|agent_id|administration_id,
 * starts_at) indexes serve it); a site or département scope is the list of its booths, so that the
 * (booth_id, starts_at) index is used without a join. Parameters are numbered from $1.
 */
export function consultationWhere(scope: StatsScope, period: StatsPeriod): SqlPart {
  const params: unknown[] = [new Date(period.fromMs), new Date(period.toMs)];
  const where = ['c.starts_at >= $1', 'c.starts_at < $2'];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (scope.bySite) add((n) => `c.booth_id = ANY($${n}::uuid[])`, scope.booths.map((b) => b.id));
  if (scope.filters.administrationId) add((n) => `c.administration_id = $${n}`, scope.filters.administrationId);
  if (scope.filters.consultationTypeId) add((n) => `c.consultation_type_id = $${n}`, scope.filters.consultationTypeId);
  if (scope.filters.agentId) add((n) => `c.agent_id = $${n}`, scope.filters.agentId);
  return { sql: where.join(' AND '), params };
}

/** The series' bucket of a timestamp or date column, as YYYY-MM-DD of the Paris Monday or first of month. */
export function bucketSql(period: StatsPeriod, column: string, isDate = false): string {
  return `to_char(${bucketStartSql(period, column, isDate)}, 'YYYY-MM-DD')`;
}

/** The bucket's start as a local timestamp: cheaper to group by than its text (bucketSql), formatted after grouping. */
export function bucketStartSql(period: StatsPeriod, column: string, isDate = false): string {
  const local = isDate ? `${column}::timestamp` : `(${column} AT TIME ZONE '${PARIS_TZ}')`;
  return `date_trunc('${period.granularity}', ${local})`;
}

export type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;
