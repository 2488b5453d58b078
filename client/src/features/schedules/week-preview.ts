import { DateTime } from 'luxon';
import { dayMinutes, subtractMinutes, type WeeklyMinutes } from '@shared/scheduling/weekly-ranges';

const PARIS = 'Europe/Paris';

export interface Closure {
  startsAt: string;
  endsAt: string;
  reason: string;
}

/** One day of the week as it will be: its opening hours, what closures take out, what stays open. */
export interface DayPreview {
  /** YYYY-MM-DD */
  date: string;
  weekday: number;
  opening: Array<[number, number]>;
  closed: Array<[number, number]>;
  open: Array<[number, number]>;
  reasons: string[];
}

/**
 * The seven days from `first` (Paris; today on the page, any day): weekly ranges in wall-clock minutes, closures clipped to
 * each day in wall-clock minutes too (so a day of a daylight-saving change reads as the clocks do).
 */
export function weekPreview(ranges: readonly WeeklyMinutes[], closures: readonly Closure[], first: string): DayPreview[] {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => {
    const day = DateTime.fromISO(first, { zone: PARIS }).plus({ days: i }).startOf('day');
    const next = day.plus({ days: 1 });
    const closed: Array<[number, number]> = [];
    const reasons: string[] = [];
    for (const c of closures) {
      const start = DateTime.fromISO(c.startsAt).setZone(PARIS);
      const end = DateTime.fromISO(c.endsAt).setZone(PARIS);
      if (end <= day || start >= next) continue;
      closed.push([start <= day ? 0 : start.hour * 60 + start.minute, end >= next ? 1440 : end.hour * 60 + end.minute]);
      if (c.reason && !reasons.includes(c.reason)) reasons.push(c.reason);
    }
    const merged = dayMinutes(
      closed.map(([s, e]) => ({ weekday: 0, startMinute: s, endMinute: e })),
      0,
    );
    const opening = dayMinutes(ranges, day.weekday);
    return { date: day.toISODate()!, weekday: day.weekday, opening, closed: merged, open: subtractMinutes(opening, merged), reasons };
  });
}
