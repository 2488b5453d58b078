import { DOCUMENT_REJECTIONS } from '../../../../shared/documents/documents';
import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';
import { consultationWhere, Query } from './consultation-filter';

export interface DocumentTotals {
  exchanged: number;
  rejected: number;
  rejectedBy: Record<string, number>;
}

/** Documents of the period's consultations that went through the checks: accepted (ready) or refused. */
export async function documentTotals(query: Query, scope: StatsScope, period: StatsPeriod): Promise<DocumentTotals> {
  const where = consultationWhere(scope, period);
  const [row] = await query<Record<string, number>>(
    `SELECT count(*)::int AS exchanged,
            count(*) FILTER (WHERE d.status = 'rejected')::int AS rejected,
            ${DOCUMENT_REJECTIONS.map((r) => `count(*) FILTER (WHERE d.status = 'rejected' AND d.rejection = '${r}')::int AS "${r}"`).join(',\n')}
       FROM documents d JOIN consultations c ON c.id = d.consultation_id
      WHERE ${where.sql} AND d.status IN ('ready', 'rejected')`,
    where.params,
  );
  return {
    exchanged: Number(row!.exchanged),
    rejected: Number(row!.rejected),
    rejectedBy: Object.fromEntries(DOCUMENT_REJECTIONS.map((r) => [r, Number(row![r])])),
  };
}
