import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, TestBrowser } from '../support/browser';
import { openCallBrowsers } from '../support/call-browsers';
import { mediaFlowing } from '../support/call-page';
import { createConsultation } from '../support/consultations';
import { Coturn, startCoturn } from '../support/coturn';
import { demoIds } from '../support/demo-data';
import { ROOT } from '../support/process';

interface Path {
  direction: string;
  candidateType: string;
  relayProtocol: string | null;
}

const paths = (page: Page): Promise<Path[]> =>
  page.evaluate(() => (globalThis as unknown as { visioCall: { connectionPaths(): Promise<Path[]> } }).visioCall.connectionPaths());

/**
 * A network that lets nothing out but TCP (or TLS, as to port 443) to the TURN server: with
 * ICE_TRANSPORT_POLICY=relay, both browsers reach the SFU only through Debian's coturn, with the
 * time-limited credentials the server hands out.
 */
describe.each([
  { over: 'tcp' as const, tls: false },
  { over: 'tls' as const, tls: true },
])('a call relayed through coturn over $over', ({ over, tls }) => {
  let coturn: Coturn;
  let t: TestApp;
  let chrome: TestBrowser;
  let booth: Page;
  let agent: Page;
  let contexts: BrowserContext[] = [];
  let consultationId: string;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'client', 'index.html'))) throw new Error("dist/client is missing: run 'npm run build'");
    coturn = await startCoturn({ tls });
    t = await startTestApp({
      MEDIA_WORKERS: '1',
      TURN_URLS: tls ? `turns:127.0.0.1:${coturn.tlsPort}?transport=tcp` : `turn:127.0.0.1:${coturn.port}?transport=tcp`,
      TURN_SECRET: coturn.secret,
      ICE_TRANSPORT_POLICY: 'relay',
    });
    const ids = await demoIds(t.dataSource);
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    // The test's TURN certificate is self-signed: Chromium checks it like a web site's.
    chrome = await launchChromium(tls ? ['--ignore-certificate-errors'] : []);
    ({ booth, agent, contexts } = await openCallBrowsers(chrome, t.baseUrl, ids.pithiviersBoothId));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await chrome?.close();
    await t?.close();
    await coturn?.stop();
  });

  it('both sides see and hear each other', async () => {
    await booth.goto(`${t.baseUrl}/borne`);
    await booth.waitForURL(`**/borne/consultation/${consultationId}`);
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');
  });

  it(`every transport goes through the TURN relay, reached over ${over}`, async () => {
    for (const page of [booth, agent]) {
      const seen = await paths(page);
      expect(seen.map((p) => p.direction).sort()).toEqual(['recv', 'send']);
      for (const p of seen) expect(p).toMatchObject({ candidateType: 'relay', relayProtocol: over });
    }
  });

  it('the SFU sees coturn’s relay ports as the browsers’ addresses', async () => {
    const room = await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId);
    const tuples = room!.listPeers().flatMap((peer) => [...peer.transports.values()].map((tr) => tr.iceSelectedTuple));
    expect(tuples).toHaveLength(4);
    for (const tuple of tuples) {
      expect(tuple?.remoteIp).toBe('127.0.0.1');
      expect(tuple!.remotePort).toBeGreaterThanOrEqual(coturn.relayPorts.min);
      expect(tuple!.remotePort).toBeLessThanOrEqual(coturn.relayPorts.max);
    }
  });
});
