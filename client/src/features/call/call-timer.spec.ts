import { timerState } from './call-timer';

describe('the agent’s call clock', () => {
  const start = '2026-12-03T10:00:00Z';
  const end = '2026-12-03T10:30:00Z';
  const at = (iso: string) => timerState(start, end, new Date(iso).getTime());

  it('counts from the start and against the booked end, rounding the minutes left up', () => {
    expect(at('2026-12-03T10:03:07Z')).toEqual({ elapsed: '03:07', minutes: 27, over: false, warning: false, threshold: null });
  });

  it('warns from 5 minutes before the end, and says it once', () => {
    expect(at('2026-12-03T10:24:59Z')).toMatchObject({ minutes: 6, warning: false, threshold: null });
    expect(at('2026-12-03T10:25:00Z')).toMatchObject({ minutes: 5, warning: true, threshold: 'fiveLeft' });
  });

  it('after the end: how long past it, still a warning', () => {
    expect(at('2026-12-03T10:32:10Z')).toEqual({ elapsed: '32:10', minutes: 3, over: true, warning: true, threshold: 'reached' });
  });

  it('shows hours for a call past an hour', () => expect(at('2026-12-03T11:05:09Z').elapsed).toBe('1:05:09'));
});
