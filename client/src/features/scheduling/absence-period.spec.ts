import { createInstance } from 'i18next';
import { fr } from '../../i18n/fr';
import { absenceInstants, periodLabel } from './absence-period';

const i18n = createInstance();
void i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
const t = i18n.t.bind(i18n);

describe('absences: the form and the words', () => {
  it('whole days end at the midnight after the last day, in Paris time across the daylight-saving change', () => {
    expect(absenceInstants({ wholeDays: true, fromDate: '2026-03-27', toDate: '2026-03-30', fromTime: '09:00', toTime: '12:00' })).toEqual({
      startsAt: '2026-03-27T00:00:00+01:00',
      endsAt: '2026-03-31T00:00:00+02:00',
    });
  });

  it('part of a day: from a date and time to a date and time', () => {
    expect(absenceInstants({ wholeDays: false, fromDate: '2026-04-07', toDate: '2026-04-07', fromTime: '09:00', toTime: '12:30' })).toEqual({
      startsAt: '2026-04-07T09:00:00+02:00',
      endsAt: '2026-04-07T12:30:00+02:00',
    });
  });

  it.each([
    ['2026-04-06T00:00:00+02:00', '2026-04-07T00:00:00+02:00', 'le lundi 6 avril 2026 (journée entière)'],
    ['2026-04-01T00:00:00+02:00', '2026-04-04T00:00:00+02:00', 'du mercredi 1er avril 2026 au vendredi 3 avril 2026 (journées entières)'],
    ['2026-04-07T09:00:00+02:00', '2026-04-07T12:30:00+02:00', 'le mardi 7 avril 2026 de 9 h à 12 h 30'],
    ['2026-04-07T14:00:00+02:00', '2026-04-08T10:00:00+02:00', 'du mardi 7 avril 2026 à 14 h au mercredi 8 avril 2026 à 10 h'],
  ])('says %s – %s as "%s"', (from, to, words) => {
    // Hours keep their "h" on the same line (no-break spaces).
    expect(periodLabel(t, from, to).replace(/\u00a0/g, ' ')).toBe(words);
    expect(periodLabel(t, from, to)).not.toMatch(/\d h/);
  });
});
