import { frenchDate, frenchDateTime, frenchTime } from './french-date';

describe('French dates in Europe/Paris', () => {
  it.each([
    // Winter time (UTC+1)
    ['2026-03-03T13:30:00Z', 'mardi 3 mars 2026 à 14 h 30'],
    // Summer time (UTC+2), whole hour
    ['2026-07-01T07:00:00Z', 'mercredi 1er juillet 2026 à 9 h'],
    // The day after the spring change: 08:05 UTC is 10 h 05 in Paris
    ['2026-03-30T08:05:00Z', 'lundi 30 mars 2026 à 10 h 05'],
    // Late evening UTC is already the next day in Paris
    ['2026-12-31T23:15:00Z', 'vendredi 1er janvier 2027 à 0 h 15'],
  ])('%s → %s', (iso, expected) => {
    expect(frenchDateTime(new Date(iso))).toBe(expected);
  });

  it('splits date and time', () => {
    const d = new Date('2026-10-25T09:45:00Z');
    expect(frenchDate(d)).toBe('dimanche 25 octobre 2026');
    expect(frenchTime(d)).toBe('10 h 45');
  });
});
