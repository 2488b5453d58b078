import {
  CONNECT_FAILURES,
  INDICATORS,
  IndicatorId,
  IndicatorValues,
  PublicStatsSeriesPoint,
  SERIES_COLUMNS,
  StatsSeriesPoint,
} from '../../../../shared/stats/indicators';
import { CANCELLATION_CAUSES } from '../../../../shared/scheduling/cancellation';
import { DOCUMENT_REJECTIONS } from '../../../../shared/documents/documents';
import { AUTONOMY_LEVELS } from '../../../../shared/support/support';

/**
 * Statistical secrecy for the public page (open data). The rule, stated once and printed in
 * docs/statistics.md:
 *
 * 1. Primary: a count from 1 to `minCount − 1` is hidden. A zero names nobody and stays.
 * 2. A rate, median, mean, score or measure is hidden when the count it is computed over (its
 *    `basis` in the catalogue, or SECRECY_BASIS below) is below `minCount`.
 * 3. Secondary: where parts add up to a total (cancellations by cause, the consultations by
 *    outcome, the weeks of the year…), a single hidden part could be recovered by subtraction: the
 *    smallest other part is hidden too (the total itself when no part is left); and a total hidden
 *    this way has its smallest non-zero part hidden, so that adding the parts does not give it back.
 */

/**
 * The count behind a figure where the catalogue's `basis` is not a number of consultations: sums over
 * consultations (hours, kilometres), and the occupancy rates, whose basis is the booths' opening
 * hours but which give the hours booked or held away once those hours are published.
 */
export const SECRECY_BASIS: Partial<Record<IndicatorId, IndicatorId>> = {
  booked_hours: 'booked',
  held_hours: 'held',
  occupancy_booked: 'booked',
  occupancy_held: 'held',
  travel_km_avoided: 'held',
  co2_kg_avoided: 'held',
};

/** Totals whose parts add up to them (or to less: hiding one more part is then only more careful). */
export const ADDITIVE_GROUPS: ReadonlyArray<{ total: IndicatorId; parts: readonly IndicatorId[] }> = [
  { total: 'booked', parts: ['held', 'cancelled', 'no_show_citizen', 'no_show_agent', 'no_outcome', 'upcoming'] },
  { total: 'cancelled', parts: CANCELLATION_CAUSES.map((c) => `cancelled_${c}` as IndicatorId) },
  { total: 'connect_failed', parts: CONNECT_FAILURES.map((r) => `connect_failed_${r}` as IndicatorId) },
  { total: 'documents_rejected', parts: DOCUMENT_REJECTIONS.map((r) => `documents_rejected_${r}` as IndicatorId) },
  { total: 'survey_responses', parts: ['satisfaction_good', 'satisfaction_medium', 'satisfaction_bad'] },
  { total: 'support_recorded', parts: AUTONOMY_LEVELS.map((l) => `autonomy_${l}` as IndicatorId) },
];

type SeriesCount = Exclude<(typeof SERIES_COLUMNS)[number], 'start' | 'satisfactionScore'>;
/** Each series column and the indicator its points add up to over the period. */
const SERIES_TOTALS: Record<SeriesCount, IndicatorId> = {
  booked: 'booked',
  held: 'held',
  cancelled: 'cancelled',
  noShowCitizen: 'no_show_citizen',
  noShowAgent: 'no_show_agent',
  surveyResponses: 'survey_responses',
};
const SERIES_COUNTS = Object.keys(SERIES_TOTALS) as SeriesCount[];

/** The count of consultations or responses a figure is computed over, if it is not a count itself. */
export function secrecyBasisOf(id: IndicatorId): IndicatorId | undefined {
  return SECRECY_BASIS[id] ?? (INDICATORS.find((i) => i.id === id)?.basis as IndicatorId | undefined);
}

export interface SuppressedFigures {
  values: IndicatorValues;
  suppressed: IndicatorId[];
  series: PublicStatsSeriesPoint[];
}

const valueKey = (id: IndicatorId) => `v:${id}`;
const pointKey = (index: number, column: SeriesCount) => `s:${index}:${column}`;

/** The report's figures with what must not be published set to null (rules above). Pure. */
export function suppressSmallCounts(values: IndicatorValues, series: readonly StatsSeriesPoint[], minCount: number): SuppressedFigures {
  const small = (n: number | null | undefined) => n !== null && n !== undefined && n > 0 && n < minCount;
  const below = (n: number | null | undefined) => n === null || n === undefined || n < minCount;

  // Every publishable cell, by key, with its value; the hidden set grows until no part can be recovered.
  const cells = new Map<string, number | null>();
  const hidden = new Set<string>();
  for (const { id, unit } of INDICATORS) {
    const key = valueKey(id as IndicatorId);
    const value = values[id as IndicatorId] ?? null;
    cells.set(key, value);
    const basis = secrecyBasisOf(id as IndicatorId);
    if (unit === 'count' && small(value)) hidden.add(key);
    else if (basis && value !== null && below(values[basis])) hidden.add(key);
  }
  series.forEach((point, i) => {
    for (const column of SERIES_COUNTS) {
      cells.set(pointKey(i, column), point[column]);
      if (small(point[column])) hidden.add(pointKey(i, column));
    }
  });

  const groups: Array<{ total: string; parts: string[] }> = [
    ...ADDITIVE_GROUPS.map((g) => ({ total: valueKey(g.total), parts: g.parts.map(valueKey) })),
    // The weeks (or months) add up to the period's total.
    ...SERIES_COUNTS.map((column) => ({ total: valueKey(SERIES_TOTALS[column]), parts: series.map((_, i) => pointKey(i, column)) })),
    // Within a week, the outcomes add up to (at most) the week's bookings.
    ...series.map((_, i) => ({ total: pointKey(i, 'booked'), parts: (['held', 'cancelled', 'noShowCitizen', 'noShowAgent'] as const).map((c) => pointKey(i, c)) })),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const { total, parts } of groups) {
      const hiddenParts = parts.filter((p) => hidden.has(p)).length;
      const shown = parts.filter((p) => !hidden.has(p) && cells.get(p) !== null).sort((a, b) => (cells.get(a) ?? 0) - (cells.get(b) ?? 0));
      let next: string | undefined;
      // A published total less one hidden part gives that part away.
      if (!hidden.has(total) && hiddenParts === 1) next = shown[0] ?? total;
      // A total hidden by rule 3 (not small itself) is the sum of its parts when they are all shown.
      else if (hidden.has(total) && hiddenParts === 0) next = shown.find((p) => (cells.get(p) ?? 0) > 0);
      if (next === undefined) continue;
      hidden.add(next);
      changed = true;
    }
  }

  const outValues = { ...values };
  const suppressed: IndicatorId[] = [];
  for (const { id } of INDICATORS) {
    if (!hidden.has(valueKey(id as IndicatorId))) continue;
    outValues[id as IndicatorId] = null;
    suppressed.push(id as IndicatorId);
  }
  const outSeries = series.map((point, i): PublicStatsSeriesPoint => {
    const out: PublicStatsSeriesPoint = { ...point };
    for (const column of SERIES_COUNTS) if (hidden.has(pointKey(i, column))) out[column] = null;
    if (below(point.surveyResponses)) out.satisfactionScore = null;
    return out;
  });
  return { values: outValues, suppressed, series: outSeries };
}
