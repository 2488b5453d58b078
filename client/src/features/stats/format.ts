import type { IndicatorUnit } from '@shared/stats/indicators';

/** French number formatting of the statistics: « 1 234 », « 79,3 % », « 8,2 / 10 ». */
const NBSP = '\u00a0';

const numberFormats = new Map<number, Intl.NumberFormat>();
/** "1 234,5" with at most `digits` decimals (the group separator is Intl's narrow no-break space). */
export function formatNumber(value: number, digits = 0): string {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  // -0 after rounding reads as "-0".
  const shown = format.format(value);
  return shown === '-0' ? '0' : shown;
}

/** How many decimals each unit shows (the CSV and the API keep the full value). */
export const UNIT_DIGITS: Record<IndicatorUnit, number> = { count: 0, hours: 1, days: 1, minutes: 1, ms: 0, percent: 1, score: 1, mean: 1, km: 0, kg: 1 };

const SUFFIX: Record<IndicatorUnit, (n: number) => string> = {
  count: () => '',
  hours: () => `${NBSP}h`,
  days: (n) => `${NBSP}${n >= 2 ? 'jours' : 'jour'}`,
  minutes: () => `${NBSP}min`,
  ms: () => `${NBSP}ms`,
  percent: () => `${NBSP}%`,
  score: () => `${NBSP}/${NBSP}10`,
  mean: () => '',
  km: () => `${NBSP}km`,
  kg: () => `${NBSP}kg`,
};

export const NO_DATA = 'pas encore de données';

/** An indicator's value as the page shows it; null is « pas encore de données », never zero. */
export function formatValue(value: number | null, unit: IndicatorUnit): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  const digits = UNIT_DIGITS[unit];
  const rounded = Number(value.toFixed(digits));
  return `${formatNumber(rounded, digits)}${SUFFIX[unit](Math.abs(rounded))}`;
}

/** A share as a whole percentage for the reading sentences: « 79 % ». */
export const percentOf = (part: number, whole: number): string => `${formatNumber(whole > 0 ? (100 * part) / whole : 0)}${NBSP}%`;

/** "2026-11-02" → "02/11/2026" (Paris days, as the API gives them). */
export function dayShort(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** A bucket of the series: « sem. du 02/11/2026 » or « novembre 2026 ». */
export function bucketLabel(start: string, granularity: 'week' | 'month'): string {
  if (granularity === 'month') {
    const [y, m] = start.split('-');
    return `${MONTHS[Number(m) - 1]} ${y}`;
  }
  return `sem. du ${dayShort(start)}`;
}

/** « 3 consultations », « 1 consultation »: French plural (0 and 1 are singular). */
export const plural = (n: number, one: string, many: string): string => `${formatNumber(n)} ${Math.abs(n) >= 2 ? many : one}`;
