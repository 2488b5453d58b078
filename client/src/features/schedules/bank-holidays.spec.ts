import { easterSunday, frenchBankHolidays } from './bank-holidays';

const byName = (year: number, departement?: string) => Object.fromEntries(frenchBankHolidays(year, departement).map((h) => [h.name, h.date]));

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [2000, '2000-04-23'],
  ])('%i: %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('frenchBankHolidays', () => {
  it('2026: the eight fixed days, and lundi de Pâques 6 avril, Ascension 14 mai, lundi de Pentecôte 25 mai', () => {
    expect(frenchBankHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Jour de l’an' },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('the days that move with Easter, in other years', () => {
    expect(byName(2024)).toMatchObject({ 'Lundi de Pâques': '2024-04-01', Ascension: '2024-05-09', 'Lundi de Pentecôte': '2024-05-20' });
    expect(byName(2025)).toMatchObject({ 'Lundi de Pâques': '2025-04-21', Ascension: '2025-05-29', 'Lundi de Pentecôte': '2025-06-09' });
    expect(byName(2027)).toMatchObject({ 'Lundi de Pâques': '2027-03-29', Ascension: '2027-05-06', 'Lundi de Pentecôte': '2027-05-17' });
  });

  it('local holidays: Alsace-Moselle adds Vendredi saint and 26 décembre, La Réunion 20 décembre; the Loiret has none', () => {
    expect(byName(2026, '67')).toMatchObject({ 'Vendredi saint': '2026-04-03', 'Saint-Étienne': '2026-12-26' });
    expect(byName(2026, '974')).toMatchObject({ 'Abolition de l’esclavage': '2026-12-20' });
    expect(frenchBankHolidays(2026, '45')).toHaveLength(11);
    expect(frenchBankHolidays(2026, '57')).toHaveLength(13);
  });
});
