import { DateTime } from 'luxon';

const PARIS = 'Europe/Paris';

export interface ClosureSpan {
  startsAt: string;
  endsAt: string;
}

const paris = (iso: string) => DateTime.fromISO(iso).setZone(PARIS).setLocale('fr');
const dayName = (d: DateTime) => `${d.toFormat('cccc')} ${d.day === 1 ? '1er' : d.day} ${d.toFormat('LLLL yyyy')}`;

/** Whole Paris days [from 00:00, the day after `to` 00:00): `to` is inclusive, as people say it. */
export function wholeDays(from: string, to: string): ClosureSpan {
  const start = DateTime.fromISO(from, { zone: PARIS });
  const end = DateTime.fromISO(to, { zone: PARIS }).plus({ days: 1 });
  return { startsAt: start.toISO({ suppressMilliseconds: true })!, endsAt: end.toISO({ suppressMilliseconds: true })! };
}

/** Part of one Paris day; an end of 00:00 is midnight at the end of that day. */
export function partDay(date: string, start: string, end: string): ClosureSpan {
  const day = DateTime.fromISO(date, { zone: PARIS });
  const at = (hhmm: string) => day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) });
  const endsAt = end === '00:00' ? day.plus({ days: 1 }) : at(end);
  return { startsAt: at(start).toISO({ suppressMilliseconds: true })!, endsAt: endsAt.toISO({ suppressMilliseconds: true })! };
}

/**
 * "lundi 6 avril 2026", "du lundi 6 avril 2026 au vendredi 10 avril 2026", "jeudi 9 avril 2026,
 * 14:00–18:00": whole days read as days (the last one included), anything else with its hours.
 */
export function closureLabel(c: ClosureSpan): string {
  const start = paris(c.startsAt);
  const end = paris(c.endsAt);
  const midnight = (d: DateTime) => d.hour === 0 && d.minute === 0;
  if (midnight(start) && midnight(end)) {
    const last = end.minus({ days: 1 });
    return last.hasSame(start, 'day') ? dayName(start) : `du ${dayName(start)} au ${dayName(last)}`;
  }
  if (end.hasSame(start, 'day') || (midnight(end) && end.minus({ days: 1 }).hasSame(start, 'day'))) {
    return `${dayName(start)}, ${start.toFormat('HH:mm')}–${midnight(end) ? '24:00' : end.toFormat('HH:mm')}`;
  }
  return `du ${dayName(start)} ${start.toFormat('HH:mm')} au ${dayName(end)} ${end.toFormat('HH:mm')}`;
}

/** Whether closures cover the whole Paris day `date` (YYYY-MM-DD). */
export function closedAllDay(closures: readonly ClosureSpan[], date: string): boolean {
  const { startsAt, endsAt } = wholeDays(date, date);
  const from = DateTime.fromISO(startsAt).toMillis();
  const to = DateTime.fromISO(endsAt).toMillis();
  const spans = closures
    .map((c) => [DateTime.fromISO(c.startsAt).toMillis(), DateTime.fromISO(c.endsAt).toMillis()] as const)
    .filter(([s, e]) => e > from && s < to)
    .sort((a, b) => a[0] - b[0]);
  let reached = from;
  for (const [s, e] of spans) {
    if (s > reached) return false;
    reached = Math.max(reached, e);
  }
  return reached >= to;
}
