import { parisDay } from '../../common/time/paris-time';
import { openingHoursBySite } from './opening-hours.query';

describe('opening hours of the booths in service', () => {
  const week = { fromMs: parisDay('2026-03-23')!.from, toMs: parisDay('2026-03-29')!.to }; // Monday to Sunday, clocks change on Sunday
  const site = { id: 's', name: 'S', departement: '45' };
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ siteId: 's', weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

  it('expands the weekly hours in Paris time, times the booths, minus closures, a retired booth until its retirement', () => {
    const booths = [
      { id: 'b1', siteId: 's', retiredAt: null },
      { id: 'b2', siteId: 's', retiredAt: new Date(parisDay('2026-03-25')!.from) }, // Monday and Tuesday only
    ];
    const closures = [{ siteId: 's', start: parisDay('2026-03-27')!.from, end: parisDay('2026-03-27')!.from + 13 * 3_600_000 }]; // Friday until 13:00
    const hours = openingHoursBySite({ sites: [site], booths }, week, weekdays, closures);
    expect(hours.get('s')).toBe(5 * 8 - 4 + (2 * 8));
  });

  it('is zero for a site without hours or without booths', () => {
    expect(openingHoursBySite({ sites: [site], booths: [] }, week, weekdays, []).get('s')).toBe(0);
    expect(openingHoursBySite({ sites: [site], booths: [{ id: 'b', siteId: 's', retiredAt: null }] }, week, [], []).get('s')).toBe(0);
  });
});
