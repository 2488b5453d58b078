import { lobbyStatusOf } from './lobby-status';

describe('lobbyStatusOf', () => {
  const startsAt = new Date('2026-12-03T10:00:00Z');
  const at = (iso: string) => new Date(iso);
  const busy = { here: false, previousEndsAt: new Date('2026-12-03T10:00:00Z'), startsAt };

  it('says the agent is told as soon as they are in this call', () => {
    expect(lobbyStatusOf({ ...busy, here: true }, 10, at('2026-12-03T10:30:00Z'))).toEqual({ agent: 'present' });
  });

  it('counts the previous call’s remaining minutes, rounded up, then 0 once it overruns', () => {
    expect(lobbyStatusOf(busy, 10, at('2026-12-03T09:55:30Z'))).toEqual({ agent: 'busy', previousEndsInMinutes: 5, lateMinutes: null });
    expect(lobbyStatusOf(busy, 10, at('2026-12-03T10:04:00Z'))).toEqual({ agent: 'busy', previousEndsInMinutes: 0, lateMinutes: null });
  });

  it('past the late threshold, says the agent is late even while they finish the previous call', () => {
    expect(lobbyStatusOf(busy, 10, at('2026-12-03T10:09:59Z')).agent).toBe('busy');
    expect(lobbyStatusOf(busy, 10, at('2026-12-03T10:10:00Z'))).toEqual({ agent: 'busy', previousEndsInMinutes: 0, lateMinutes: 10 });
    expect(lobbyStatusOf(busy, 10, at('2026-12-03T10:25:40Z'))).toEqual({ agent: 'busy', previousEndsInMinutes: 0, lateMinutes: 25 });
  });

  it('without a previous call: away, then late past the threshold', () => {
    const away = { here: false, previousEndsAt: null, startsAt };
    expect(lobbyStatusOf(away, 10, at('2026-12-03T09:50:00Z'))).toEqual({ agent: 'away', lateMinutes: null });
    expect(lobbyStatusOf(away, 10, at('2026-12-03T10:12:00Z'))).toEqual({ agent: 'away', lateMinutes: 12 });
  });
});
