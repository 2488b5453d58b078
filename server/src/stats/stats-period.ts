import { STATS_MAX_DAYS, WEEKLY_SERIES_MAX_DAYS } from '../../../shared/stats/indicators';
import { DomainError, fieldError } from '../common/errors/domain.error';
import { parisDay } from '../common/time/paris-time';

const DAY = 86_400_000;

/** A period of Paris days, inclusive, as the instants the queries compare with and its series' buckets. */
export interface StatsPeriod {
  from: string;
  to: string;
  /** [fromMs, toMs): Paris midnight of `from` to Paris midnight after `to`. */
  fromMs: number;
  toMs: number;
  days: number;
  granularity: 'week' | 'month';
  /** The first day of every bucket, in order: Mondays (ISO weeks) or first days of months. */
  buckets: string[];
}

/**
 * Two YYYY-MM-DD Paris days checked and turned into a period: malformed or impossible days, `to`
 * before `from` (422 VALIDATION_FAILED with field codes), more than `maxDays` days (422
 * PERIOD_TOO_LONG). Here and not only in the DTO: the exports call the service directly.
 */
export function parsePeriod(from: string, to: string, maxDays: number = STATS_MAX_DAYS): StatsPeriod {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(from) ? parisDay(from) : null;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(to) ? parisDay(to) : null;
  if (!start) throw new DomainError('VALIDATION_FAILED', 'from must be a day as YYYY-MM-DD.', fieldError('from', 'INVALID_FORMAT'));
  if (!end) throw new DomainError('VALIDATION_FAILED', 'to must be a day as YYYY-MM-DD.', fieldError('to', 'INVALID_FORMAT'));
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) throw new DomainError('VALIDATION_FAILED', 'to must not be before from.', fieldError('to', 'END_BEFORE_START'));
  if (days > maxDays) {
    throw new DomainError(
      'PERIOD_TOO_LONG',
      `The period covers ${days} days; the statistics are computed over ${maxDays} days at most (three years): choose a shorter period.`,
      fieldError('to', 'RANGE_TOO_LONG'),
    );
  }
  const granularity = days <= WEEKLY_SERIES_MAX_DAYS ? 'week' : 'month';
  return { from, to, fromMs: start.from, toMs: end.to, days, granularity, buckets: bucketStarts(from, to, granularity) };
}

/** Days since 1970-01-01 of a valid YYYY-MM-DD (calendar arithmetic, no time zone). */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY;
}

const isoDay = (dayNo: number) => new Date(dayNo * DAY).toISOString().slice(0, 10);

/** The bucket holding a Paris day: the Monday of its ISO week, or the first day of its month. */
export function bucketOf(day: string, granularity: 'week' | 'month'): string {
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
  return isoDay(n - (((n + 3) % 7) + 7) % 7);
}

/** Every bucket from the one holding `from` to the one holding `to`, in order. */
export function bucketStarts(from: string, to: string, granularity: 'week' | 'month'): string[] {
  const out: string[] = [];
  const last = bucketOf(to, granularity);
  let current = bucketOf(from, granularity);
  for (;;) {
    out.push(current);
    if (current === last) return out;
    if (granularity === 'week') current = isoDay(dayNumber(current) + 7);
    else {
      const [y, m] = current.split('-').map(Number) as [number, number];
      current = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
}
