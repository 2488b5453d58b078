import { delayWords, nextChangeIn, opening, opensAt } from './join-window';

const at = (iso: string) => new Date(iso).getTime();

describe("the agent's call opening", () => {
  const rule = { minutesBeforeStart: 15, minutesAfterEnd: 15, offsetMs: 0 };

  it('opens the margin before the booked start', () => {
    expect(opensAt('2026-04-07T14:35:00+02:00', rule)).toBe(at('2026-04-07T14:20:00+02:00'));
  });

  it('says the time in Paris and the minutes left, rounded up, then "open" on time', () => {
    const open = at('2026-04-07T14:20:00+02:00');
    expect(opening(open, at('2026-04-07T14:08:00+02:00'))).toEqual({ kind: 'today', time: '14 h 20', minutes: 12 });
    expect(opening(open, at('2026-04-07T14:08:30+02:00'))).toEqual({ kind: 'today', time: '14 h 20', minutes: 12 });
    expect(opening(open, at('2026-04-07T14:19:01+02:00'))).toEqual({ kind: 'today', time: '14 h 20', minutes: 0 });
    expect(opening(open, open - 1)).toMatchObject({ kind: 'today' });
    expect(opening(open, open)).toEqual({ kind: 'open' });
    expect(opening(at('2026-04-07T09:00:00+02:00'), at('2026-04-07T08:00:00+02:00'))).toEqual({ kind: 'today', time: '9 h', minutes: 60 });
  });

  it('names the day for a call of another day', () => {
    expect(opening(at('2026-04-08T09:45:00+02:00'), at('2026-04-07T16:00:00+02:00'))).toEqual({ kind: 'later', day: 'mercredi 8 avril', time: '9 h 45' });
  });

  it('wakes up when the minutes shown change, and at the opening', () => {
    expect(nextChangeIn(12 * 60_000 + 30_000)).toBe(30_020);
    expect(nextChangeIn(12 * 60_000)).toBe(60_020);
    expect(nextChangeIn(5_000)).toBe(5_020);
    expect(nextChangeIn(0)).toBe(0);
  });

  it.each([
    [12, '12 min'],
    [60, '1 h'],
    [65, '1 h 05'],
    [130, '2 h 10'],
  ])('%i minutes read "%s"', (minutes, words) => {
    expect(delayWords(minutes)).toBe(words);
  });
});
