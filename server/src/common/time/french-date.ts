import { PARIS } from './paris-time';

// One formatter for every call: building an Intl formatter is the costly part, and a mass
// cancellation formats tens of thousands of dates.
const PARTS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** The date ("mardi 3 mars 2026", "1er" for the first day) and time ("14 h 30", "9 h") in Paris. */
export function frenchParts(instant: Date): { date: string; time: string } {
  const p: Record<string, string> = {};
  for (const part of PARTS.formatToParts(instant)) p[part.type] = part.value;
  const day = p.day === '1' ? '1er' : p.day;
  const hour = String(Number(p.hour));
  return { date: `${p.weekday} ${day} ${p.month} ${p.year}`, time: p.minute === '00' ? `${hour} h` : `${hour} h ${p.minute}` };
}

export const frenchDate = (instant: Date): string => frenchParts(instant).date;
export const frenchTime = (instant: Date): string => frenchParts(instant).time;

/** "mardi 3 mars 2026 à 14 h 30". */
export function frenchDateTime(instant: Date): string {
  const { date, time } = frenchParts(instant);
  return `${date} à ${time}`;
}
