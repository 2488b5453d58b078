import type { TFunction } from 'i18next';
import type { FieldErrorCode } from '@shared/errors/error-codes';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/api-errors';
import type { SummaryLine } from './components/ProblemSummary';
import { listProblems, serverProblems, type DraftProblems, type DraftRange } from './weekly-draft';

/** Why a range cannot be saved, in the words shown under its field. */
export const problemText = (t: TFunction, code: FieldErrorCode): string => t(`schedules.problems.${code}`, { defaultValue: t(`errors.fields.${code}`) });

/** "Mardi, plage 3 : la fin doit être après le début", each a link to the field (`${editorId}-${key}-${field}`, WeeklyRangesEditor's ids). */
export function rangeLines(t: TFunction, editorId: string, draft: readonly DraftRange[], problems: DraftProblems): SummaryLine[] {
  return listProblems(draft, problems).map((p) => ({
    text: t('schedules.editor.problemLine', { day: t(`schedules.weekdays.${p.weekday}`), n: p.n, problem: problemText(t, p.code) }),
    target: `${editorId}-${p.key}-${p.field}`,
  }));
}

/**
 * A refusal of the server as the summary shows it: the ranges it names by their day and rank (never
 * a path like "ranges.0.start"), or, for anything else, the code's sentence and the fields by name.
 */
export function refusalSummary(t: TFunction, editorId: string, draft: readonly DraftRange[], error: unknown): { lead: string; lines: SummaryLine[] } {
  const lines = rangeLines(t, editorId, draft, serverProblems(draft, error instanceof ApiError ? error.fields : undefined));
  if (lines.length > 0) return { lead: t('schedules.editor.refused', { count: lines.length }), lines };
  return { lead: describeError(t, error, 'schedules.fieldNames').summary, lines: [] };
}
