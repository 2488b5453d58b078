import type { Page } from 'playwright-core';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import type { TestApp } from '../support/app';
import { waitFor } from '../support/browser';
import { inbound, mediaAdvancing, mediaFlowing, snapshot, total } from '../support/call-page';
import { admitBooth, CallScenario, startCallScenario } from '../support/call-scenario';
import { CuttableProxy, startCuttableProxy } from '../support/cuttable-proxy';
import { randomRtcPort } from '../support/process';

/** Long enough for every timer on the way to fire (ICE consent, request timeout, heartbeat). */
const CUT_MS = 28_000;
const PROXY_HOST = '127.0.0.2';

/**
 * A real network cut, not a closed socket: the booth reaches the server (pages, signalling) and
 * both browsers reach the SFU (media) through a proxy on another loopback address that drops UDP
 * and stalls TCP for 28 s (the issue: up to 30 s). Nobody touches anything; the call must come back by itself.
 */
describe('a network cut of 28 s during a call', () => {
  let scenario: CallScenario;
  let proxy: CuttableProxy | null = null;
  let t: TestApp;
  let booth: Page;
  let agent: Page;
  let consultationId: string;

  beforeAll(async () => {
    const rtcPort = Number(randomRtcPort());
    scenario = await startCallScenario({
      env: { MEDIA_WORKERS: '1', RTC_PORT: String(rtcPort), RTC_ANNOUNCED_ADDRESS: PROXY_HOST, SIGNALLING_HEARTBEAT_SECONDS: '4' },
      async beforeBrowsers(app) {
        const httpPort = Number(new URL(app.baseUrl).port);
        proxy = await startCuttableProxy(PROXY_HOST, '127.0.0.1', [{ port: httpPort }, { port: rtcPort, tcp: true, udp: true }]);
        return `http://${PROXY_HOST}:${httpPort}`;
      },
    });
    ({ t, booth, agent, consultationId } = scenario);
    await admitBooth(scenario);
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');
  });
  afterAll(async () => {
    await scenario?.close();
    await proxy?.close();
  });

  it('media stops during the cut, the booth says it is reconnecting, and the call resumes alone afterwards', async () => {
    proxy!.cut();
    const cutAt = Date.now();
    await new Promise((r) => setTimeout(r, 2000)); // what was in flight has landed
    const frozen = total(await inbound(agent), 'video', 'framesDecoded');
    await waitFor('the booth to show it is reconnecting', async () => ((await snapshot(booth)).status === 'reconnecting' ? true : undefined), CUT_MS);
    await booth.getByText('Connexion perdue. Reconnexion automatique en cours…').waitFor();
    await new Promise((r) => setTimeout(r, Math.max(0, CUT_MS - (Date.now() - cutAt))));
    // The cut was real: not one frame crossed it.
    expect(total(await inbound(agent), 'video', 'framesDecoded')).toBe(frozen);

    proxy!.restore();
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
