import { closedAllDay, closureLabel, partDay, wholeDays } from './closures';

describe('closures', () => {
  it('whole days end at midnight after the last day, with each day’s own offset', () => {
    expect(wholeDays('2026-03-27', '2026-03-30')).toEqual({ startsAt: '2026-03-27T00:00:00+01:00', endsAt: '2026-03-31T00:00:00+02:00' });
  });

  it('part of a day; 00:00 as an end is the midnight after', () => {
    expect(partDay('2026-04-09', '14:00', '18:00')).toEqual({ startsAt: '2026-04-09T14:00:00+02:00', endsAt: '2026-04-09T18:00:00+02:00' });
    expect(partDay('2026-04-09', '14:00', '00:00').endsAt).toBe('2026-04-10T00:00:00+02:00');
  });

  it('labels', () => {
    expect(closureLabel(wholeDays('2026-04-06', '2026-04-06'))).toBe('lundi 6 avril 2026');
    expect(closureLabel(wholeDays('2026-05-01', '2026-05-08'))).toBe('du vendredi 1er mai 2026 au vendredi 8 mai 2026');
    expect(closureLabel(partDay('2026-04-09', '14:00', '18:00'))).toBe('jeudi 9 avril 2026, 14:00–18:00');
    expect(closureLabel(partDay('2026-04-09', '14:00', '00:00'))).toBe('jeudi 9 avril 2026, 14:00–24:00');
    expect(closureLabel({ startsAt: '2026-04-09T14:00:00+02:00', endsAt: '2026-04-10T12:00:00+02:00' })).toBe('du jeudi 9 avril 2026 14:00 au vendredi 10 avril 2026 12:00');
  });

  it('closedAllDay: one closure or several end to end', () => {
    const day = wholeDays('2026-04-06', '2026-04-06');
    expect(closedAllDay([day], '2026-04-06')).toBe(true);
    expect(closedAllDay([wholeDays('2026-04-01', '2026-04-10')], '2026-04-06')).toBe(true);
    expect(closedAllDay([partDay('2026-04-06', '00:00', '12:00'), partDay('2026-04-06', '12:00', '00:00')], '2026-04-06')).toBe(true);
    expect(closedAllDay([partDay('2026-04-06', '00:00', '12:00')], '2026-04-06')).toBe(false);
    expect(closedAllDay([day], '2026-04-07')).toBe(false);
  });
});
