import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser, waitFor } from '../support/browser';
import { openCallBrowsers } from '../support/call-browsers';
import { inbound, mediaAdvancing, mediaFlowing, snapshot, total } from '../support/call-page';
import { createConsultation } from '../support/consultations';
import { CuttableProxy, startCuttableProxy } from '../support/cuttable-proxy';
import { demoIds } from '../support/demo-data';
import { randomRtcPort, ROOT } from '../support/process';

/** Long enough for every timer on the way to fire (ICE consent, request timeout, heartbeat). */
const CUT_MS = 28_000;
const PROXY_HOST = '127.0.0.2';

/**
 * A real network cut, not a closed socket: the booth reaches the server (pages, signalling) and
 * both browsers reach the SFU (media) through a proxy on another loopback address that drops UDP
 * and stalls TCP for 28 s (the issue: up to 30 s). Nobody touches anything; the call must come back by itself.
 */
describe('a network cut of 28 s during a call', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  let chrome: TestBrowser;
  let booth: Page;
  let agent: Page;
  let contexts: BrowserContext[] = [];
  let consultationId: string;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) throw new Error("dist/client is missing: run 'npm run build'");
    const rtcPort = Number(randomRtcPort());
    t = await startTestApp({
      MEDIA_WORKERS: '1',
      RTC_PORT: String(rtcPort),
      RTC_ANNOUNCED_ADDRESS: PROXY_HOST,
      SIGNALLING_HEARTBEAT_SECONDS: '4',
    });
    const httpPort = Number(new URL(t.baseUrl).port);
    proxy = await startCuttableProxy(PROXY_HOST, '127.0.0.1', [{ port: httpPort }, { port: rtcPort, tcp: true, udp: true }]);
    const ids = await demoIds(t.dataSource);
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    chrome = await launchChromium();
    const boothUrl = `http://${PROXY_HOST}:${httpPort}`;
    ({ booth, agent, contexts } = await openCallBrowsers(chrome, t.baseUrl, ids.pithiviersBoothId, boothUrl));

    await booth.goto(`${boothUrl}/borne`);
    await booth.waitForURL(`**/borne/consultation/${consultationId}`);
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await chrome?.close();
    await proxy?.close();
    await t?.close();
  });

  it('media stops during the cut, the booth says it is reconnecting, and the call resumes alone afterwards', async () => {
    proxy.cut();
    const cutAt = Date.now();
    await new Promise((r) => setTimeout(r, 2000)); // what was in flight has landed
    const frozen = total(await inbound(agent), 'video', 'framesDecoded');
    await waitFor('the booth to show it is reconnecting', async () => ((await snapshot(booth)).status === 'reconnecting' ? true : undefined), CUT_MS);
    await booth.getByText('Connexion perdue. Reconnexion automatique en cours…').waitFor();
    await new Promise((r) => setTimeout(r, Math.max(0, CUT_MS - (Date.now() - cutAt))));
    // The cut was real: not one frame crossed it.
    expect(total(await inbound(agent), 'video', 'framesDecoded')).toBe(frozen);

    proxy.restore();
    const restoredAt = Date.now();
    await waitFor('the booth back in the call', async () => ((await snapshot(booth)).status === 'call' ? true : undefined), 30_000);
    await mediaAdvancing(booth, 'the booth after the cut', 30_000);
    await mediaAdvancing(agent, 'the agent after the cut', 30_000);
    console.log(JSON.stringify({ figure: 'network_cut_recovery_ms', cutMs: CUT_MS, value: Date.now() - restoredAt }));
  });

  it('leaves no ghost: one booth and one agent, in the call, on both sides and in the SFU', async () => {
    for (const page of [agent, booth]) {
      const seen = await snapshot(page);
      expect(seen.status).toBe('call');
      expect(seen.participants).toHaveLength(1);
      expect(seen.participants[0]).toMatchObject({ phase: 'call' });
    }
    const room = await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId);
    expect(room!.listPeers().map((p) => p.info.role).sort()).toEqual(['agent', 'booth']);
    for (const peer of room!.listPeers()) {
      expect(peer.transports.size).toBe(2);
      expect([...peer.producers.values()].map((p) => p.kind).sort()).toEqual(['audio', 'video']);
    }
  });
});
