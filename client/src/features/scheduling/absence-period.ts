import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { PARIS } from '../../lib/paris-time';

/** What the declaration form holds: whole days (the end day included), or a date and time each side. */
export interface AbsenceInput {
  wholeDays: boolean;
  fromDate: string;
  toDate: string;
  fromTime: string;
  toTime: string;
}

const paris = (iso: string) => DateTime.fromISO(iso, { zone: PARIS }).setLocale('fr');
const toIso = (d: DateTime) => d.toISO({ suppressMilliseconds: true })!;

/** The absence as the API takes it: instants with their Paris offset, the end excluded (whole days end at the next midnight). */
export function absenceInstants(input: AbsenceInput): { startsAt: string; endsAt: string } {
  if (input.wholeDays) {
    return { startsAt: toIso(DateTime.fromISO(input.fromDate, { zone: PARIS })), endsAt: toIso(DateTime.fromISO(input.toDate, { zone: PARIS }).plus({ days: 1 })) };
  }
  return {
    startsAt: toIso(DateTime.fromISO(`${input.fromDate}T${input.fromTime}`, { zone: PARIS })),
    endsAt: toIso(DateTime.fromISO(`${input.toDate}T${input.toTime}`, { zone: PARIS })),
  };
}

/** "lundi 6 avril 2026" */
export const dayWords = (d: DateTime) => `${d.toFormat('cccc')} ${d.day === 1 ? '1er' : d.day} ${d.toFormat('LLLL yyyy')}`;
/** "9 h", "9 h 30" (the French typographic form), never broken across lines. */
const hourWords = (d: DateTime) => (d.minute === 0 ? `${d.hour}\u00a0h` : `${d.hour}\u00a0h\u00a0${d.toFormat('mm')}`);

/** A calendar day (YYYY-MM-DD) in words with its year: "jeudi 3 décembre 2026". */
export const dateWords = (date: string): string => dayWords(DateTime.fromISO(date, { zone: PARIS }).setLocale('fr'));
const isMidnight = (d: DateTime) => d.hour === 0 && d.minute === 0 && d.second === 0;

/**
 * An absence in words, the way people say it: "le lundi 6 avril 2026 (journée entière)", "du … au …
 * (journées entières)" with the last day included, "le … de 9 h à 12 h", or "du … à 14 h au … à 10 h".
 */
export function periodLabel(t: TFunction, startsAt: string, endsAt: string): string {
  const from = paris(startsAt);
  const to = paris(endsAt);
  if (isMidnight(from) && isMidnight(to)) {
    const last = to.minus({ days: 1 });
    return last.hasSame(from, 'day')
      ? t('absences.period.day', { day: dayWords(from) })
      : t('absences.period.days', { from: dayWords(from), to: dayWords(last) });
  }
  if (from.hasSame(to, 'day')) return t('absences.period.sameDay', { day: dayWords(from), from: hourWords(from), to: hourWords(to) });
  return t('absences.period.span', { from: `${dayWords(from)} à ${hourWords(from)}`, to: `${dayWords(to)} à ${hourWords(to)}` });
}
