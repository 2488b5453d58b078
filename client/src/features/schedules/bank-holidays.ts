import { DateTime } from 'luxon';

/** A public holiday (jour férié) on a calendar day of Paris. */
export interface BankHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher), as
 * YYYY-MM-DD: lundi de Pâques, Ascension and lundi de Pentecôte move with it.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day).toISODate()!;
}

/** Alsace and Moselle keep two more days from their local law (Code du travail, art. L3134-13). */
const ALSACE_MOSELLE = new Set(['57', '67', '68']);
/** The abolition of slavery, a holiday in each overseas département on its own date (loi n° 83-550). */
const ABOLITION: Record<string, string> = { '971': '05-27', '972': '05-22', '973': '06-10', '974': '12-20', '976': '04-27' };

/**
 * The public holidays of a year (Code du travail, art. L3133-1): eight on fixed dates and three
 * after Easter, with the local ones of the MSAP's département when it has some. Sorted by date.
 */
export function frenchBankHolidays(year: number, departement = ''): BankHoliday[] {
  const easter = DateTime.fromISO(easterSunday(year), { zone: 'utc' });
  const afterEaster = (days: number) => easter.plus({ days }).toISODate()!;
  const fixed = (mmdd: string) => `${year}-${mmdd}`;
  const days: BankHoliday[] = [
    { date: fixed('01-01'), name: 'Jour de l’an' },
    { date: afterEaster(1), name: 'Lundi de Pâques' },
    { date: fixed('05-01'), name: 'Fête du Travail' },
    { date: fixed('05-08'), name: 'Victoire 1945' },
    { date: afterEaster(39), name: 'Ascension' },
    { date: afterEaster(50), name: 'Lundi de Pentecôte' },
    { date: fixed('07-14'), name: 'Fête nationale' },
    { date: fixed('08-15'), name: 'Assomption' },
    { date: fixed('11-01'), name: 'Toussaint' },
    { date: fixed('11-11'), name: 'Armistice 1918' },
    { date: fixed('12-25'), name: 'Noël' },
  ];
  if (ALSACE_MOSELLE.has(departement)) {
    days.push({ date: afterEaster(-2), name: 'Vendredi saint' }, { date: fixed('12-26'), name: 'Saint-Étienne' });
  }
  const abolition = ABOLITION[departement];
  if (abolition) days.push({ date: fixed(abolition), name: 'Abolition de l’esclavage' });
  return days.sort((x, y) => x.date.localeCompare(y.date));
}
