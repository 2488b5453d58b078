import { DateTime } from 'luxon';

export const PARIS = 'Europe/Paris';

/** "mardi 3 mars 2026" ("1er" for the first day), in Paris time whatever the server's zone. */
export function frenchDate(instant: Date): string {
  const d = DateTime.fromJSDate(instant, { zone: PARIS }).setLocale('fr');
  return `${d.toFormat('cccc')} ${d.day === 1 ? '1er' : String(d.day)} ${d.toFormat('LLLL yyyy')}`;
}

/** "14 h 30", and "9 h" for a whole hour, as French typography writes times. */
export function frenchTime(instant: Date): string {
  const d = DateTime.fromJSDate(instant, { zone: PARIS });
  return d.minute === 0 ? `${d.hour} h` : `${d.hour} h ${String(d.minute).padStart(2, '0')}`;
}

/** "mardi 3 mars 2026 à 14 h 30". */
export const frenchDateTime = (instant: Date): string => `${frenchDate(instant)} à ${frenchTime(instant)}`;
