import { DateTime } from 'luxon';

/**
 * Wall-clock times of the MSAPs: every date typed or shown is Europe/Paris, whatever the browser's
 * zone, and instants go to the API with their offset (correct on both daylight-saving changes).
 */
export const PARIS = 'Europe/Paris';

const paris = (iso: string) => DateTime.fromISO(iso, { zone: PARIS }).setLocale('fr');

/** "2026-03-30" + "09:30" (Paris) → ISO with the offset of that day. */
export function parisInstant(date: string, time = '00:00'): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: PARIS }).toISO({ suppressMilliseconds: true })!;
}

/** Start of the Paris day after `date` (an exclusive end for "to" dates, inclusive for people). */
export const parisNextDay = (date: string): string =>
  DateTime.fromISO(date, { zone: PARIS }).plus({ days: 1 }).toISO({ suppressMilliseconds: true })!;

export const todayInParis = (): string => DateTime.now().setZone(PARIS).toISODate()!;

/** The Paris day `date` (today by default) as [from, to) instants for the API: "today" is the MSAPs' day. */
export const parisDayRange = (date = todayInParis()): { from: string; to: string } => ({ from: parisInstant(date), to: parisNextDay(date) });
export const addDays = (date: string, days: number): string => DateTime.fromISO(date).plus({ days }).toISODate()!;
export const mondayOf = (date: string): string => DateTime.fromISO(date).startOf('week').toISODate()!;

export const dateOf = (iso: string): string => paris(iso).toISODate()!;
export const timeOf = (iso: string): string => paris(iso).toFormat('HH:mm');

/** "30/03/2026 09:30:05": a record's time stamp (audit log). */
export const stampLabel = (iso: string): string => paris(iso).toFormat('dd/LL/yyyy HH:mm:ss');

/** "lundi 30 mars" */
export const dayLabel = (date: string): string => DateTime.fromISO(date).setLocale('fr').toFormat('cccc d LLLL');
/** "lun. 30/03" */
export const shortDayLabel = (date: string): string => DateTime.fromISO(date).setLocale('fr').toFormat('ccc dd/LL');
/**
 * "lundi 30 mars 2026 à 9 h 30", "mercredi 1er avril 2026 à 14 h": the French typographic form,
 * the same as the server's messages to citizens ({date}), so the SMS counter measures the real text.
 */
export function whenLabel(iso: string): string {
  const d = paris(iso);
  const day = d.day === 1 ? '1er' : String(d.day);
  const time = d.minute === 0 ? `${d.hour} h` : `${d.hour} h ${d.toFormat('mm')}`;
  return `${d.toFormat('cccc')} ${day} ${d.toFormat('LLLL yyyy')} à ${time}`;
}
