import { Interval, normalize } from './intervals';

/** Every schedule, date and time of the service is in the wall-clock time of metropolitan France. */
export const PARIS = 'Europe/Paris';

export interface WeeklyRange {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const AVERAGE_YEAR = 31_556_952_000;

const OFFSET_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: PARIS, timeZoneName: 'longOffset' });

/** Paris's UTC offset in minutes at an instant, from the time-zone database (slow: Intl). */
function tzOffsetMinutes(ms: number): number {
  const name = OFFSET_FORMAT.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The first minute in (lo, hi] whose offset differs from lo's, when exactly one change lies between. */
function changeBetween(lo: number, hi: number): number {
  const before = tzOffsetMinutes(lo);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (tzOffsetMinutes(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

interface YearRule {
  start: number;
  standard: number;
  /** Summer time, when the year has one: [start, end) and its offset. */
  summer: { start: number; end: number; offset: number } | null;
}

/** One year's clock changes, read from the time-zone database. */
function yearRule(year: number): YearRule {
  const start = Date.UTC(year, 0, 1);
  const mid = Date.UTC(year, 6, 1);
  const standard = tzOffsetMinutes(start);
  const offset = tzOffsetMinutes(mid);
  if (offset === standard) return { start, standard, summer: null };
  return { start, standard, summer: { start: changeBetween(start, mid), end: changeBetween(mid, Date.UTC(year + 1, 0, 1)), offset } };
}

/**
 * NOTE: the clock changes of the years around now are read from the time-zone database once, at
 * load (a few milliseconds), so that an offset costs a few comparisons on the hot paths (every
 * slot, every answer: Intl there was the main cost of a booking) and still follows the database if
 * the rule changes (the EU has debated ending summer time). Other years ask Intl directly.
 * paris-time.spec.ts checks the result against luxon hour by hour.
 */
const FIRST_YEAR = new Date().getUTCFullYear() - 2;
const YEAR_RULES: readonly YearRule[] = Array.from({ length: 41 }, (_, i) => yearRule(FIRST_YEAR + i));

/** The rule of the year holding `ms`: estimated from the average year, corrected at its edges. */
function ruleAt(ms: number): YearRule | undefined {
  let i = Math.floor(ms / AVERAGE_YEAR) + 1970 - FIRST_YEAR;
  if (YEAR_RULES[i] && ms < YEAR_RULES[i]!.start) i -= 1;
  else if (YEAR_RULES[i + 1] && ms >= YEAR_RULES[i + 1]!.start) i += 1;
  // The last entry only marks where the years covered end.
  return i < YEAR_RULES.length - 1 ? YEAR_RULES[i] : undefined;
}

/** UTC offset of Paris, in minutes, at an instant. */
export function parisOffsetMinutes(ms: number): number {
  const rule = ruleAt(ms);
  if (!rule) return tzOffsetMinutes(ms);
  return rule.summer && ms >= rule.summer.start && ms < rule.summer.end ? rule.summer.offset : rule.standard;
}

/**
 * The instant of a Paris wall-clock time, given as the local midnight "as if UTC" plus minutes. In
 * the autumn overlap the second (standard-time) instant is taken, as the IANA tools do; a time in
 * the spring gap moves forward by the gap (02:30 → 03:30), as clocks do.
 */
function wallToInstant(wallMs: number): number {
  const rule = ruleAt(wallMs) ?? yearRule(new Date(wallMs).getUTCFullYear());
  const standard = wallMs - rule.standard * MINUTE;
  if (parisOffsetMinutes(standard) === rule.standard) return standard;
  if (rule.summer) {
    const summer = wallMs - rule.summer.offset * MINUTE;
    if (parisOffsetMinutes(summer) === rule.summer.offset) return summer;
  }
  return standard; // in the spring gap
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

/**
 * The Paris day `date` (YYYY-MM-DD), or the day holding `now`, as [from, to) instants and its name.
 * Null for a date that does not exist (2026-02-30).
 */
export function parisDay(date: string | undefined, now = Date.now()): { date: string; from: number; to: number } | null {
  const wall = date === undefined ? localDayWall(now) : Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(wall) || (date !== undefined && new Date(wall).toISOString().slice(0, 10) !== date)) return null;
  return { date: new Date(wall).toISOString().slice(0, 10), from: wallToInstant(wall), to: wallToInstant(wall + DAY) };
}
