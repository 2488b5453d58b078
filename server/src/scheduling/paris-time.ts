import { DateTime } from 'luxon';
import { Interval, normalize } from './intervals';

/** Every schedule is expressed in the wall-clock time of metropolitan France. */
export const SCHEDULING_ZONE = 'Europe/Paris';

export interface WeeklyRange {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** The instant of a local wall-clock minute (0–1440) of a local day. Nonexistent times (spring gap) move forward. */
function localMinute(day: DateTime, minute: number): number {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
}

/**
 * Weekly local ranges turned into real intervals over [from, to). Each local day is computed on its
 * own, so a range stays at the same wall-clock hours across a daylight-saving change.
 */
export function weeklyToIntervals(ranges: readonly WeeklyRange[], from: number, to: number): Interval[] {
  if (ranges.length === 0 || to <= from) return [];
  const out: Interval[] = [];
  let day = DateTime.fromMillis(from, { zone: SCHEDULING_ZONE }).startOf('day');
  while (day.toMillis() < to) {
    for (const r of ranges) {
      if (r.weekday !== day.weekday) continue;
      const start = Math.max(localMinute(day, r.startMinute), from);
      const end = Math.min(localMinute(day, r.endMinute), to);
      if (end > start) out.push({ start, end });
    }
    day = day.plus({ days: 1 });
  }
  return normalize(out);
}

/** ISO 8601 with the Paris offset of that instant, e.g. 2026-03-29T10:00:00+02:00. */
export function toParisIso(date: Date | number): string {
  const dt = typeof date === 'number' ? DateTime.fromMillis(date, { zone: SCHEDULING_ZONE }) : DateTime.fromJSDate(date, { zone: SCHEDULING_ZONE });
  return dt.toISO({ suppressMilliseconds: true })!;
}

export function minuteToHhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "HH:mm" (00:00–24:00) → minutes of the day; the DTO pattern has already checked the shape. */
export function hhmmToMinute(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return h! * 60 + m!;
}
