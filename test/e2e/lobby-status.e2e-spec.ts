import { startTestApp, TestApp } from '../support/app';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { AGENT, signallingCast, SignallingCast } from '../support/signalling-cast';


/** What a lobby is told about its agent, over real signalling (LOBBY_LATE_MINUTES is 5 by default). */
describe('lobby status', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let cast: SignallingCast;
  let boothCookie: string;
  let agentCookie: string;
  let facilitatorCookie: string;
  const connect = (cookie: string, consultation: string) => cast.connect(cookie, consultation);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    ids = await demoIds(t.dataSource);
    cast = await signallingCast(t, ids.pithiviersBoothId);
    ({ boothCookie, agentCookie, facilitatorCookie } = cast);
  });
  afterEach(() => cast.closeAll());
  afterAll(() => t.close());

  it('an agent who opened their NEXT consultation early is not "finishing the previous one"', async () => {
    const early = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0], -2, 10);
    const later = await createConsultation(t.dataSource, ids.sullyBoothId, AGENT[0], 8, 20);
    const agent = connect(agentCookie, later);
    expect((await agent.request('join', {})).self.phase).toBe('call');
    const booth = connect(boothCookie, early);
    await booth.request('join', {});
    expect(await booth.notification('lobbyStatus')).toEqual({ agent: 'away', lateMinutes: null });
  });

  it('past the late threshold the booth hears "late" while the agent overruns; each member of the lobby is told every change', async () => {
    const previous = await createConsultation(t.dataSource, ids.sullyBoothId, AGENT[0], -36, 30);
    const next = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0], -6, 30);
    const agent = connect(agentCookie, previous);
    await agent.request('join', {});
    const booth = connect(boothCookie, next);
    await booth.request('join', {});
    const told = await booth.notification('lobbyStatus');
    expect(told).toEqual({ agent: 'busy', previousEndsInMinutes: 0, lateMinutes: expect.any(Number) });
    expect((told as { lateMinutes: number }).lateMinutes).toBeGreaterThanOrEqual(6);
    const facilitator = connect(facilitatorCookie, next);
    await facilitator.request('join', {});
    expect((await facilitator.notification('lobbyStatus')).agent).toBe('busy');
    // The agent hangs up the previous call: both members of the lobby hear that they are nowhere now.
    await agent.request('leave', {});
    expect(await booth.notification('lobbyStatus')).toEqual({ agent: 'away', lateMinutes: expect.any(Number) });
    expect(await facilitator.notification('lobbyStatus')).toEqual({ agent: 'away', lateMinutes: expect.any(Number) });
  });
});
