import type { ConsultationListRow } from '../consultations/consultation-view';
import { composeDay, DayInput, Presence } from './desk-day';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const MIN = 60_000;
const CONFIG = { boothOfflineSeconds: 45, lobbyAlertMinutes: 5, offlineAlertMinutes: 15 };

const row = (id: string, startOffsetMin: number, status: ConsultationListRow['status'] = 'scheduled', boothId = 'b1'): ConsultationListRow =>
  ({
    id,
    status,
    booth_id: boothId,
    starts_at: new Date(NOW + startOffsetMin * MIN),
    ends_at: new Date(NOW + (startOffsetMin + 30) * MIN),
    booth_name: 'Cabine 1',
    agent_name: 'Antoine Agent',
    administration_name: 'DDFIP',
    subject: null,
    citizen_name: 'Jeanne Martin',
    consultation_type_id: null,
  }) as unknown as ConsultationListRow;

const here = (consultationId: string, role: string, phase: Presence['phase'], sinceMinAgo: number): Presence => ({ consultationId, role, phase, since: new Date(NOW - sinceMinAgo * MIN) });

function day(over: Partial<DayInput> & { seenSecAgo?: number | null; checkedMinAgo?: number }): ReturnType<typeof composeDay> {
  const seen = over.seenSecAgo === undefined ? 10 : over.seenSecAgo;
  const presence = new Map<string, Presence[]>();
  for (const p of (over.presence as unknown as Presence[] | undefined) ?? []) presence.set(p.consultationId, [...(presence.get(p.consultationId) ?? []), p]);
  return composeDay({
    rows: over.rows ?? [row('c1', 5)],
    booths: over.booths ?? [
      {
        boothId: 'b1',
        boothName: 'Cabine 1',
        lastSeenAt: seen === null ? null : new Date(NOW - seen * 1000),
        lastCheck: over.checkedMinAgo === undefined ? null : ({ outcome: 'passed', at: new Date(NOW - over.checkedMinAgo * MIN).toISOString() } as never),
      },
    ],
    presence,
    summaries: new Map(),
    dayStart: Date.parse('2026-12-02T23:00:00Z'),
    now: NOW,
    config: CONFIG,
  });
}

describe('composeDay', () => {
  it.each([
    ['a booth never seen', 'offline', { seenSecAgo: null }],
    ['a booth silent past the threshold', 'offline', { seenSecAgo: 46 }],
    ['a booth beating', 'online', { seenSecAgo: 10 }],
    ['a booth beating, checked today', 'checked', { seenSecAgo: 10, checkedMinAgo: 30 }],
    ['a booth beating, checked yesterday', 'online', { seenSecAgo: 10, checkedMinAgo: 24 * 60 }],
    ['the citizen in the lobby', 'lobby', { presence: [here('c1', 'booth', 'lobby', 1)] as never }],
    ['the citizen in the call', 'in_call', { presence: [here('c1', 'booth', 'call', 1)] as never }],
    ['an ended consultation, even with a stale presence', 'ended', { rows: [row('c1', -40, 'ended')], presence: [here('c1', 'booth', 'lobby', 50)] as never }],
    ['a cancelled one', 'cancelled', { rows: [row('c1', 5, 'cancelled')] }],
  ])('%s → %s', (_what, live, input) => {
    expect(day(input as never).consultations[0]!.live).toBe(live);
  });

  it('a citizen waiting longer than the delay without the agent is an alert; with the agent there, none', () => {
    const waiting = day({ presence: [here('c1', 'booth', 'lobby', 6)] as never });
    expect(waiting.alerts).toEqual([{ kind: 'lobby_wait', consultationId: 'c1', since: expect.stringMatching(/^2026-12-03T10:54:00\+01:00$/) }]);
    expect(day({ presence: [here('c1', 'booth', 'lobby', 6), here('c1', 'agent', 'call', 1)] as never }).alerts).toEqual([]);
  });

  it('a wait not yet long enough: no alert, and the day is read again when it becomes one', () => {
    const d = day({ seenSecAgo: null, rows: [row('c1', -1)], presence: [here('c1', 'booth', 'lobby', 2)] as never });
    expect(d.alerts).toEqual([]);
    expect(d.recheckAt).toBe('2026-12-03T11:03:00+01:00');
  });

  it('a booth offline within the alert window before its consultation is an alert; earlier, a recheck at the window', () => {
    expect(day({ seenSecAgo: null, rows: [row('c1', 10)] }).alerts).toEqual([{ kind: 'booth_offline', consultationId: 'c1', since: null }]);
    const early = day({ seenSecAgo: null, rows: [row('c1', 40)] });
    expect(early.alerts).toEqual([]);
    expect(early.recheckAt).toBe('2026-12-03T11:25:00+01:00');
    expect(day({ seenSecAgo: 10, rows: [row('c1', 10)] }).alerts).toEqual([]);
  });

  it('a beating booth is rechecked when it would fall silent', () => {
    expect(day({ seenSecAgo: 10, rows: [] }).recheckAt).toBe('2026-12-03T11:00:36+01:00');
  });

  it('the agent connected is said whatever the booth does', () => {
    expect(day({ presence: [here('c1', 'agent', 'call', 1)] as never }).consultations[0]).toMatchObject({ agentConnected: true, live: 'online' });
  });
});
