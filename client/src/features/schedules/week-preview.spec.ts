import { weekPreview } from './week-preview';

const OPENING = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 540, endMinute: 750 },
  { weekday, startMinute: 810, endMinute: 1050 },
]);

describe('weekPreview', () => {
  it('the week of lundi de Pâques 2026: Monday closed all day, Thursday afternoon closed, the weekend without hours', () => {
    const days = weekPreview(
      OPENING,
      [
        { startsAt: '2026-04-06T00:00:00+02:00', endsAt: '2026-04-07T00:00:00+02:00', reason: 'Lundi de Pâques' },
        { startsAt: '2026-04-09T14:00:00+02:00', endsAt: '2026-04-09T18:00:00+02:00', reason: 'Réunion' },
      ],
      '2026-04-06',
    );
    expect(days.map((d) => d.date)).toEqual(['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-11', '2026-04-12']);
    expect(days[0]).toEqual({ date: '2026-04-06', weekday: 1, opening: [[540, 750], [810, 1050]], closed: [[0, 1440]], open: [], reasons: ['Lundi de Pâques'] });
    expect(days[1]!.open).toEqual([
      [540, 750],
      [810, 1050],
    ]);
    expect(days[3]).toMatchObject({ closed: [[840, 1080]], open: [[540, 750], [810, 840]], reasons: ['Réunion'] });
    expect(days[5]).toMatchObject({ weekday: 6, opening: [], open: [] });
  });

  it('a closure over several days covers the days between whole; a daylight-saving Sunday keeps wall-clock hours', () => {
    const days = weekPreview(
      [{ weekday: 7, startMinute: 120, endMinute: 240 }],
      [{ startsAt: '2026-03-25T12:00:00+01:00', endsAt: '2026-03-27T10:00:00+01:00', reason: '' }],
      '2026-03-23',
    );
    expect(days.map((d) => d.closed)).toEqual([[], [], [[720, 1440]], [[0, 1440]], [[0, 600]], [], []]);
    expect(days[6]).toMatchObject({ date: '2026-03-29', opening: [[120, 240]], reasons: [] });
  });

  it('starts on any day: from a Thursday, the seven days to Wednesday, each with its weekday’s hours', () => {
    const days = weekPreview(OPENING, [], '2026-04-09');
    expect(days.map((d) => [d.date, d.weekday])).toEqual([
      ['2026-04-09', 4],
      ['2026-04-10', 5],
      ['2026-04-11', 6],
      ['2026-04-12', 7],
      ['2026-04-13', 1],
      ['2026-04-14', 2],
      ['2026-04-15', 3],
    ]);
    expect(days[4]!.open).toEqual([
      [540, 750],
      [810, 1050],
    ]);
    expect(days[2]!.open).toEqual([]);
  });
});
