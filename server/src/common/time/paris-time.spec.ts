import { hhmmToMinute, minuteToHhmm, parisDay, toParisIso, weeklyToIntervals } from './paris-time';

const iso = (ms: number) => new Date(ms).toISOString();
const t = (s: string) => new Date(s).getTime();

describe('Paris wall-clock schedules', () => {
  const mornings = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 }));

  it('keeps 09:00–12:00 local across the spring change (UTC shifts by one hour)', () => {
    const out = weeklyToIntervals(mornings, t('2027-03-27T00:00:00+01:00'), t('2027-03-29T00:00:00+02:00'));
    expect(out.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2027-03-27T08:00:00.000Z', '2027-03-27T11:00:00.000Z'],
      ['2027-03-28T07:00:00.000Z', '2027-03-28T10:00:00.000Z'],
    ]);
  });

  it('keeps 09:00–12:00 local across the autumn change', () => {
    const out = weeklyToIntervals(mornings, t('2027-10-30T00:00:00+02:00'), t('2027-11-01T00:00:00+01:00'));
    expect(out.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2027-10-30T07:00:00.000Z', '2027-10-30T10:00:00.000Z'],
      ['2027-10-31T08:00:00.000Z', '2027-10-31T11:00:00.000Z'],
    ]);
  });

  it('a night range over the spring gap is an hour shorter in real time', () => {
    const night = [{ weekday: 7, startMinute: 60, endMinute: 4 * 60 }];
    const [range] = weeklyToIntervals(night, t('2027-03-28T00:00:00+01:00'), t('2027-03-29T00:00:00+02:00'));
    expect((range!.end - range!.start) / 3_600_000).toBe(2);
  });

  it('only the weekdays asked, clipped to the search range, up to 24:00', () => {
    const mondays = [{ weekday: 1, startMinute: 22 * 60, endMinute: 1440 }];
    const out = weeklyToIntervals(mondays, t('2027-01-04T23:00:00+01:00'), t('2027-01-12T00:00:00+01:00'));
    expect(out.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2027-01-04T22:00:00.000Z', '2027-01-04T23:00:00.000Z'],
      ['2027-01-11T21:00:00.000Z', '2027-01-11T23:00:00.000Z'],
    ]);
  });

  it('formats with the offset of the instant, and converts HH:mm', () => {
    expect(toParisIso(new Date('2027-03-29T07:00:00Z'))).toBe('2027-03-29T09:00:00+02:00');
    expect(toParisIso(new Date('2027-01-04T08:00:00Z'))).toBe('2027-01-04T09:00:00+01:00');
    expect(hhmmToMinute('13:30')).toBe(810);
    expect(minuteToHhmm(1440)).toBe('24:00');
  });
});

describe('the computed Paris offset agrees with the IANA database', () => {
  it('every hour from 2024 to 2040, around every New Year and change to 2100, and every wall-clock quarter hour of change days', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DateTime } = require('luxon') as typeof import('luxon');
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 3_600_000) {
      const expected = DateTime.fromMillis(ms, { zone: 'Europe/Paris' }).toISO({ suppressMilliseconds: true });
      if (toParisIso(ms) !== expected) throw new Error(`${new Date(ms).toISOString()}: ${toParisIso(ms)} ≠ ${expected}`);
    }
    // Around every New Year and every change up to 2100, where an estimated year could slip.
    for (let year = 2000; year <= 2100; year++) {
      for (const [month, day] of [[0, 1], [2, 20], [9, 20]] as const) {
        for (let ms = Date.UTC(year, month, day) - 2 * 86_400_000; ms < Date.UTC(year, month, day) + (month === 0 ? 2 : 14) * 86_400_000; ms += 3_600_000) {
          const expected = DateTime.fromMillis(ms, { zone: 'Europe/Paris' }).toISO({ suppressMilliseconds: true });
          if (toParisIso(ms) !== expected) throw new Error(`${new Date(ms).toISOString()}: ${toParisIso(ms)} ≠ ${expected}`);
        }
      }
    }
    for (const day of ['2027-03-28', '2027-10-31', '2031-03-30', '2031-10-26']) {
      const [y, m, d] = day.split('-').map(Number);
      for (let minute = 0; minute < 1440; minute += 15) {
        const ranges = [{ weekday: 7, startMinute: minute, endMinute: 1440 }];
        const from = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'Europe/Paris' }).toMillis();
        const [range] = weeklyToIntervals(ranges, from, from + 2 * 86_400_000);
        const expected = DateTime.fromObject({ year: y, month: m, day: d, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: 'Europe/Paris' }).toMillis();
        if (range!.start !== expected) throw new Error(`${day} ${minuteToHhmm(minute)}: ${new Date(range!.start).toISOString()} ≠ ${new Date(expected).toISOString()}`);
      }
    }
  });
});

describe('parisDay', () => {
  it('a winter day is 24 h from midnight Paris time (UTC+1)', () => {
    expect(parisDay('2026-12-03')).toEqual({ date: '2026-12-03', from: Date.parse('2026-12-02T23:00:00Z'), to: Date.parse('2026-12-03T23:00:00Z') });
  });

  it('the day of the spring change is 23 h long, the autumn one 25 h', () => {
    const spring = parisDay('2026-03-29')!;
    expect(spring.to - spring.from).toBe(23 * 3_600_000);
    const autumn = parisDay('2026-10-25')!;
    expect(autumn.to - autumn.from).toBe(25 * 3_600_000);
  });

  it('without a date, the Paris day holding now (late evening UTC is already tomorrow in Paris)', () => {
    expect(parisDay(undefined, Date.parse('2026-07-14T22:30:00Z'))!.date).toBe('2026-07-15');
  });

  it('a date the calendar does not have is refused', () => {
    expect(parisDay('2026-02-30')).toBeNull();
    expect(parisDay('2026-13-01')).toBeNull();
  });
});
