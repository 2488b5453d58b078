import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import { CLOSE_CODES } from '../../shared/signalling/protocol';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';
import { deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { sessionCookie } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { ROOT } from '../support/process';
import { signIn } from '../support/session';
import { SignallingClient } from '../support/signalling-client';

/**
 * The pre-call check reaches the SFU itself: a probe socket gives a room of one's own on a worker,
 * the browser sends a test video through it as a call would, and the page reports the route
 * (UDP, TCP or TURN), the round trip and the uplink the browser estimated.
 */
describe('pre-call check: the path to the SFU', () => {
  let t: TestApp;
  let chrome: TestBrowser;
  const contexts: BrowserContext[] = [];
  const clients: SignallingClient[] = [];
  const rooms = () => t.app.get<RoomRegistry>(ROOM_REGISTRY);

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) throw new Error("dist/client is missing: run 'npm run build'");
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    chrome = await launchChromium();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await chrome?.close();
    await t?.close();
  });

  it('a probe socket is a room of one’s own: in the call at once, nothing to admit or consume, gone when the socket closes', async () => {
    const cookie = await sessionCookie(t.baseUrl, 'agent@demo.visio-msap.fr', 'demo-agent-2026');
    const probe = SignallingClient.probe(t.baseUrl, cookie);
    clients.push(probe);
    const joined = await probe.request('join', {});
    expect(joined.self.phase).toBe('call');
    expect(joined.participants).toEqual([]);
    const transport = await probe.request('createTransport', { direction: 'send' });
    expect(transport.iceCandidates.length).toBeGreaterThan(0);
    await expect(probe.request('admit', { participantId: 'booth:00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rooms().size).toBe(1);
    probe.close();
    await waitFor('the probe room to close', async () => (rooms().size === 0 ? true : undefined), 5000);
  });

  it('refuses a probe without a session, and for roles that hold no calls', async () => {
    expect((await SignallingClient.probe(t.baseUrl, null).closed).code).toBe(CLOSE_CODES.unauthenticated);
    const coordinator = await sessionCookie(t.baseUrl, 'coordination@demo.visio-msap.fr', 'demo-coord-2026');
    expect((await SignallingClient.probe(t.baseUrl, coordinator).closed).code).toBe(CLOSE_CODES.forbidden);
    expect(rooms().size).toBe(0);
  });

  it('the booth terminal’s check tells the citizen in plain words; the facilitator’s desk gets the SFU reached over UDP, its round trip and uplink', async () => {
    const ids = await demoIds(t.dataSource);
    const device = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const context = await chrome.browser.newContext();
    contexts.push(context);
    await context.addCookies([{ name: 'visio_device', value: deviceTokenOf(device.agent), url: t.baseUrl, httpOnly: true }]);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/borne/verification`);
    await page.getByTestId('precall-network-plain').filter({ hasText: /La connexion est (bonne|correcte)/ }).waitFor({ timeout: 30_000 });
    // No jargon for the citizen: the measures are the facilitator's.
    expect(await page.getByText(/UDP|kbit\/s|\d ms/).count()).toBe(0);
    const facilitator = await signIn(t.baseUrl, 'facilitator');
    const check = await waitFor('the check on the desk', async () => {
      const desk = (await facilitator.agent.get('/api/desk').expect(200)).body as { booths: Array<{ id: string; lastCheck: { route: string | null; rttMs: number | null; uplinkKbps: number | null } | null }> };
      return desk.booths.find((b) => b.id === ids.pithiviersBoothId)?.lastCheck ?? undefined;
    });
    expect(check).toMatchObject({ route: 'udp', rttMs: expect.any(Number), uplinkKbps: expect.any(Number) });
    expect(check.uplinkKbps).toBeGreaterThan(100);
    // Leaving the page ends the probe: nothing stays on the worker.
    await page.goto(`${t.baseUrl}/borne`);
    await waitFor('the probe room to close', async () => (rooms().size === 0 ? true : undefined), 10_000);
  });
});
