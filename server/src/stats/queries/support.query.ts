import { AUTONOMY_LEVELS, SUPPORT_THEMES } from '../../../../shared/support/support';
import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';
import { consultationWhere, Query } from './consultation-filter';

export interface SupportTotals {
  /** Support rows of the period at all: none means the checklist is not in use (« pas encore de données »). */
  rows: number;
  recorded: number;
  autonomy: Record<string, number>;
  themes: Record<string, number>;
}

/** The facilitator's digital-support checklist of the period's consultations. */
export async function supportTotals(query: Query, scope: StatsScope, period: StatsPeriod): Promise<SupportTotals> {
  const where = consultationWhere(scope, period);
  const [row] = await query<Record<string, number>>(
    `SELECT count(*)::int AS rows,
            count(*) FILTER (WHERE s.autonomy IS NOT NULL)::int AS recorded,
            ${AUTONOMY_LEVELS.map((a) => `count(*) FILTER (WHERE s.autonomy = '${a}')::int AS "autonomy_${a}"`).join(',\n')},
            ${SUPPORT_THEMES.map((t) => `count(*) FILTER (WHERE '${t}' = ANY(s.themes))::int AS "theme_${t}"`).join(',\n')}
       FROM consultation_support s JOIN consultations c ON c.id = s.consultation_id
      WHERE ${where.sql}`,
    where.params,
  );
  return {
    rows: Number(row!.rows),
    recorded: Number(row!.recorded),
    autonomy: Object.fromEntries(AUTONOMY_LEVELS.map((a) => [a, Number(row![`autonomy_${a}`])])),
    themes: Object.fromEntries(SUPPORT_THEMES.map((t) => [t, Number(row![`theme_${t}`])])),
  };
}
