import { draftMinutes, draftProblems, fromApi, isUnsaved, listProblems, pairsLabel, sameWeek, serverProblems, toApi, type DraftRange } from './weekly-draft';

const d = (key: string, weekday: number, start: string, end: string): DraftRange => ({ key, weekday, start, end });

describe('weekly draft', () => {
  it('round-trips the API’s ranges; a range to midnight shows as ending at 00:00 and goes back as 24:00', () => {
    const draft = fromApi([
      { weekday: 2, start: '13:30', end: '17:30' },
      { weekday: 1, start: '20:00', end: '24:00' },
      { weekday: 2, start: '09:00', end: '12:30' },
    ]);
    expect(draft.map(({ weekday, start, end }) => [weekday, start, end])).toEqual([
      [1, '20:00', '00:00'],
      [2, '09:00', '12:30'],
      [2, '13:30', '17:30'],
    ]);
    expect(toApi(draft)).toEqual([
      { weekday: 1, start: '20:00', end: '24:00' },
      { weekday: 2, start: '09:00', end: '12:30' },
      { weekday: 2, start: '13:30', end: '17:30' },
    ]);
    expect(draftMinutes(draft)[0]).toEqual({ weekday: 1, startMinute: 1200, endMinute: 1440 });
  });

  it('finds what the server would refuse, each on its range and field', () => {
    const problems = draftProblems([
      d('a', 1, '09:00', '12:00'),
      d('b', 1, '11:00', '14:00'),
      d('c', 2, '', '12:00'),
      d('d', 2, '10:00', ''),
      d('e', 3, '14:00', '10:00'),
      d('f', 3, '09:00', '10:00'),
    ]);
    expect(problems).toEqual({
      b: { field: 'start', code: 'OVERLAPS' },
      c: { field: 'start', code: 'REQUIRED' },
      d: { field: 'end', code: 'REQUIRED' },
      e: { field: 'end', code: 'END_BEFORE_START' },
    });
  });

  it('with opening hours, an availability range that meets none of its day is refused; partly outside is not', () => {
    const opening = [
      { weekday: 1, startMinute: 540, endMinute: 750 },
      { weekday: 1, startMinute: 810, endMinute: 1050 },
    ];
    expect(draftProblems([d('a', 1, '08:00', '10:00'), d('b', 1, '18:00', '20:00'), d('c', 6, '09:00', '12:00')], opening)).toEqual({
      b: { field: 'start', code: 'OUTSIDE_OPENING_HOURS' },
    });
  });

  it('puts the API’s refusals on the ranges it names', () => {
    const draft = [d('a', 1, '09:00', '12:00'), d('b', 1, '11:00', '14:00'), d('c', 2, '14:00', '10:00')];
    expect(serverProblems(draft, { ranges: { 1: ['OVERLAPS'], 2: { end: ['END_BEFORE_START'] } } })).toEqual({
      b: { field: 'start', code: 'OVERLAPS' },
      c: { field: 'end', code: 'END_BEFORE_START' },
    });
    expect(serverProblems(draft, { startsAt: ['IN_THE_PAST'] })).toEqual({});
    expect(serverProblems(draft, undefined)).toEqual({});
  });

  it('labels and compares weeks', () => {
    expect(
      pairsLabel([
        [540, 750],
        [810, 1440],
      ]),
    ).toBe('09:00–12:30, 13:30–24:00');
    expect(sameWeek([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 2, start: '09:00', end: '12:00' }], [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 1, start: '09:00', end: '12:00' }])).toBe(true);
    expect(sameWeek([{ weekday: 1, start: '09:00', end: '12:00' }], [{ weekday: 1, start: '09:00', end: '12:30' }])).toBe(false);
  });

  it('lists problems in reading order, each with its day and its rank in the day, the server’s refusals as the typed ones', () => {
    // Keys out of day order, as a range added to Monday after Tuesday's would be.
    const draft = [d('t1', 2, '09:00', '12:00'), d('m1', 1, '09:00', '12:00'), d('t2', 2, '13:00', '11:00'), d('m2', 1, '11:00', '13:00')];
    expect(listProblems(draft, draftProblems(draft))).toEqual([
      { key: 'm2', weekday: 1, n: 2, field: 'start', code: 'OVERLAPS' },
      { key: 't2', weekday: 2, n: 2, field: 'end', code: 'END_BEFORE_START' },
    ]);
    // ranges.<i> is the draft's i-th range: index 1 is Monday's first.
    expect(listProblems(draft, serverProblems(draft, { ranges: { 1: { start: ['TOO_LARGE'] }, 2: ['OUTSIDE_OPENING_HOURS'] } }))).toEqual([
      { key: 'm1', weekday: 1, n: 1, field: 'start', code: 'TOO_LARGE' },
      { key: 't2', weekday: 2, n: 2, field: 'start', code: 'OUTSIDE_OPENING_HOURS' },
    ]);
  });

  it('knows a draft unsaved when its week differs from the saved one or a time is still to type', () => {
    const saved = [{ weekday: 1, start: '09:00', end: '12:00' }];
    expect(isUnsaved([d('a', 1, '09:00', '12:00')], saved)).toBe(false);
    expect(isUnsaved([d('a', 1, '09:00', '12:30')], saved)).toBe(true);
    expect(isUnsaved([d('a', 1, '09:00', '12:00'), d('b', 2, '', '')], saved)).toBe(true);
    expect(isUnsaved([], saved)).toBe(true);
  });
});
