import type { FieldErrorCode, FieldErrors } from '@shared/errors/error-codes';
import { overlappingRanges, rangesOutsideEveryOpening, type WeeklyMinutes } from '@shared/scheduling/weekly-ranges';

/** A weekly range as a form edits it: local times "HH:mm", "" while not typed. */
export interface DraftRange {
  /** Stable across edits, for React keys and the fields' ids. */
  key: string;
  weekday: number;
  start: string;
  end: string;
}

export interface ApiRange {
  weekday: number;
  start: string;
  end: string;
}

/** Why a range of the draft cannot be saved: the API's field codes (these four are found before sending). */
export type RangeProblem = Extract<FieldErrorCode, 'REQUIRED' | 'END_BEFORE_START' | 'OVERLAPS' | 'OUTSIDE_OPENING_HOURS'>;
export type DraftProblems = Record<string, { field: 'start' | 'end'; code: FieldErrorCode }>;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const minute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * A time field cannot show 24:00: a range that ends at midnight shows and is typed as ending at
 * 00:00, and an end of 00:00 is read as midnight at the end of the day (it could not be before its start).
 */
export const endMinute = (end: string): number => (end === '00:00' || end === '24:00' ? 1440 : minute(end));
const shownEnd = (end: string): string => (end === '24:00' ? '00:00' : end);

let counter = 0;
export const newKey = (): string => `r${++counter}`;

/** The API's ranges as a draft, by weekday then start. */
export function fromApi(ranges: readonly ApiRange[]): DraftRange[] {
  return [...ranges]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((r) => ({ key: newKey(), weekday: r.weekday, start: r.start, end: shownEnd(r.end) }));
}

/** The draft as the API takes it, in the draft's order: an error about `ranges[i]` is about `draft[i]`. */
export function toApi(draft: readonly DraftRange[]): ApiRange[] {
  return draft.map((r) => ({ weekday: r.weekday, start: r.start, end: endMinute(r.end) === 1440 ? '24:00' : r.end }));
}

/** The complete ranges of the draft in minutes (incomplete ones left out), for previews. */
export function draftMinutes(draft: readonly DraftRange[]): WeeklyMinutes[] {
  return draft.filter((r) => r.start && r.end).map((r) => ({ weekday: r.weekday, startMinute: minute(r.start), endMinute: endMinute(r.end) }));
}

/**
 * What the server would refuse, found as the person types: a missing time, an end before its
 * start, an overlap, and (for an availability, given the opening hours of the MSAPs the agent
 * serves) a range outside all of them. Keyed by the range's key.
 */
export function draftProblems(draft: readonly DraftRange[], opening?: readonly WeeklyMinutes[]): DraftProblems {
  const problems: DraftProblems = {};
  const complete: Array<{ key: string; range: WeeklyMinutes }> = [];
  for (const r of draft) {
    if (!r.start) problems[r.key] = { field: 'start', code: 'REQUIRED' };
    else if (!r.end) problems[r.key] = { field: 'end', code: 'REQUIRED' };
    else if (endMinute(r.end) <= minute(r.start)) problems[r.key] = { field: 'end', code: 'END_BEFORE_START' };
    else complete.push({ key: r.key, range: { weekday: r.weekday, startMinute: minute(r.start), endMinute: endMinute(r.end) } });
  }
  const ranges = complete.map((c) => c.range);
  for (const { index } of overlappingRanges(ranges)) problems[complete[index]!.key] = { field: 'start', code: 'OVERLAPS' };
  if (opening) {
    for (const index of rangesOutsideEveryOpening(ranges, opening)) problems[complete[index]!.key] ??= { field: 'start', code: 'OUTSIDE_OPENING_HOURS' };
  }
  return problems;
}

/** "09:00–12:30, 13:30–17:30" */
export const pairsLabel = (pairs: ReadonlyArray<readonly [number, number]>): string => pairs.map(([s, e]) => `${hhmm(s)}–${hhmm(e)}`).join(', ');

/** Whether two lists of ranges say the same week (whatever their order). */
export function sameWeek(a: readonly ApiRange[], b: readonly ApiRange[]): boolean {
  const norm = (l: readonly ApiRange[]) => JSON.stringify([...l].map((r) => `${r.weekday} ${r.start} ${r.end}`).sort());
  return norm(a) === norm(b);
}

/** The API's refusal of `toApi(draft)` (errors under ranges.<i>, or ranges.<i>.start|end) on the draft's ranges. */
export function serverProblems(draft: readonly DraftRange[], fields: FieldErrors | undefined): DraftProblems {
  const ranges = fields?.ranges;
  const problems: DraftProblems = {};
  if (!ranges || Array.isArray(ranges)) return problems;
  for (const [index, value] of Object.entries(ranges)) {
    const range = draft[Number(index)];
    if (!range) continue;
    if (Array.isArray(value)) {
      if (value[0]) problems[range.key] = { field: 'start', code: value[0] };
      continue;
    }
    for (const [field, codes] of Object.entries(value)) {
      if (Array.isArray(codes) && codes[0]) problems[range.key] = { field: field === 'end' ? 'end' : 'start', code: codes[0] };
    }
  }
  return problems;
}

/** A range's problem as an error summary lists it: its day, its rank in the day (from 1), the field to go to. */
export interface ListedProblem {
  key: string;
  weekday: number;
  n: number;
  field: 'start' | 'end';
  code: FieldErrorCode;
}

/** The problems of the draft in reading order (Monday first, each day's ranges as shown), numbered as their labels are. */
export function listProblems(draft: readonly DraftRange[], problems: DraftProblems): ListedProblem[] {
  return WEEKDAYS.flatMap((weekday) =>
    draft
      .filter((r) => r.weekday === weekday)
      .flatMap((r, i) => {
        const problem = problems[r.key];
        return problem ? [{ key: r.key, weekday, n: i + 1, field: problem.field, code: problem.code }] : [];
      }),
  );
}

/** Whether the draft says something else than the saved week (a range still being typed counts). */
export function isUnsaved(draft: readonly DraftRange[], saved: readonly ApiRange[]): boolean {
  return draft.some((r) => !r.start || !r.end) || !sameWeek(toApi(draft), saved);
}
