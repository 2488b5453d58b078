import { Interval, normalize } from './intervals';

/** Every schedule is expressed in the wall-clock time of metropolitan France. */
export const SCHEDULING_ZONE = 'Europe/Paris';

export interface WeeklyRange {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const AVERAGE_YEAR = 31_556_952_000;

/** 01:00 UTC on the last Sunday of a month (0-based), when EU clocks change. Arithmetic only: no Date objects. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = (((Math.floor(lastDay / DAY) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return lastDay - weekday * DAY + HOUR;
}

/**
 * UTC offset of Paris, in minutes, at an instant: +120 from the last Sunday of March to the last
 * Sunday of October at 01:00 UTC (EU rule, Directive 2000/84/EC), +60 otherwise. Computed rather
 * than asked of Intl: this runs for every slot and every answer, and Intl time-zone lookups were
 * the main cost of a booking. paris-time.spec.ts checks it against the IANA database hour by hour.
 * The year is estimated from the average year length: near New Year it may be off by one, where
 * both years' rules give winter time anyway.
 */
export function parisOffsetMinutes(ms: number): number {
  const year = 1970 + Math.floor(ms / AVERAGE_YEAR);
  return ms >= lastSundayAt1Utc(year, 2) && ms < lastSundayAt1Utc(year, 9) ? 120 : 60;
}

/**
 * The instant of a Paris wall-clock time, given as the local midnight "as if UTC" plus minutes. In
 * the autumn overlap the second (winter-time) instant is taken, as the IANA tools do; a time in the
 * spring gap moves forward by the gap (02:30 → 03:30), as clocks do.
 */
function wallToInstant(wallMs: number): number {
  const winter = wallMs - 60 * MINUTE;
  if (parisOffsetMinutes(winter) === 60) return winter;
  const summer = wallMs - 120 * MINUTE;
  if (parisOffsetMinutes(summer) === 120) return summer;
  return winter; // in the spring gap: 02:30 "winter" is 03:30 summer time
}

/** Local midnight of the Paris day holding `ms`, as a wall-clock "as if UTC" value. */
function localDayWall(ms: number): number {
  const wall = ms + parisOffsetMinutes(ms) * MINUTE;
  return wall - (((wall % DAY) + DAY) % DAY);
}

/**
 * Weekly local ranges turned into real intervals over [from, to). Each local day is computed on its
 * own, so a range stays at the same wall-clock hours across a daylight-saving change.
 */
export function weeklyToIntervals(ranges: readonly WeeklyRange[], from: number, to: number): Interval[] {
  if (ranges.length === 0 || to <= from) return [];
  const out: Interval[] = [];
  for (let day = localDayWall(from); wallToInstant(day) < to; day += DAY) {
    const weekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    for (const r of ranges) {
      if (r.weekday !== weekday) continue;
      const start = Math.max(wallToInstant(day + r.startMinute * MINUTE), from);
      const end = Math.min(wallToInstant(day + r.endMinute * MINUTE), to);
      if (end > start) out.push({ start, end });
    }
  }
  return normalize(out);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the Paris offset of that instant, e.g. 2026-03-29T10:00:00+02:00 (milliseconds only when not zero). */
export function toParisIso(date: Date | number): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  const offset = parisOffsetMinutes(ms);
  const local = new Date(ms + offset * MINUTE);
  const millis = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${millis ? `.${pad(millis, 3)}` : ''}` +
    `+${pad(offset / 60)}:00`
  );
}

export function minuteToHhmm(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** "HH:mm" (00:00–24:00) → minutes of the day; the DTO pattern has already checked the shape. */
export function hhmmToMinute(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return h! * 60 + m!;
}
