import { DateTime } from 'luxon';
import { PARIS } from '../../lib/paris-time';

/** The server's rule for entering a call, and how far this browser's clock is behind the server's. */
export interface JoinWindow {
  minutesBeforeStart: number;
  minutesAfterEnd: number;
  /** Add to Date.now() to read the server's clock. */
  offsetMs: number;
}

/** When the call of a consultation booked at `startsAt` opens (epoch ms). */
export const opensAt = (startsAt: string, w: JoinWindow): number => new Date(startsAt).getTime() - w.minutesBeforeStart * 60_000;

/**
 * How long to wait before the words change: to the next whole minute of the countdown (the
 * minutes shown are rounded up), or to the opening itself. A few milliseconds past it, so that
 * the next reading is on the other side.
 */
export function nextChangeIn(msLeft: number): number {
  if (msLeft <= 0) return 0;
  const toMinute = msLeft % 60_000 || 60_000;
  return Math.min(toMinute, msLeft) + 20;
}

export type Opening =
  | { kind: 'open' }
  /** Today: at what time, and in how many whole minutes (rounded up; 0 under a minute). */
  | { kind: 'today'; time: string; minutes: number }
  | { kind: 'later'; day: string; time: string };

/** "14 h 20", "9 h" (the French typographic form). */
const hourWords = (d: DateTime) => (d.minute === 0 ? `${d.hour} h` : `${d.hour} h ${d.toFormat('mm')}`);

/** The time a call opens or opened at `at` (epoch ms), in Paris: "9 h 50". */
export const openingTime = (at: number): string => hourWords(DateTime.fromMillis(at, { zone: PARIS }));

/** What to say of a call opening at `at` (epoch ms), the server's time being `now`. */
export function opening(at: number, now: number): Opening {
  if (now >= at) return { kind: 'open' };
  const when = DateTime.fromMillis(at, { zone: PARIS }).setLocale('fr');
  const today = DateTime.fromMillis(now, { zone: PARIS });
  if (!when.hasSame(today, 'day')) return { kind: 'later', day: when.toFormat('cccc d LLLL'), time: hourWords(when) };
  const left = at - now;
  return { kind: 'today', time: hourWords(when), minutes: left < 60_000 ? 0 : Math.ceil(left / 60_000) };
}

/** "12 min", "1 h 05", "2 h". */
export function delayWords(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}
