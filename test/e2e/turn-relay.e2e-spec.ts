import type { Page } from 'playwright-core';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import { mediaFlowing } from '../support/call-page';
import { admitBooth, CallScenario, startCallScenario } from '../support/call-scenario';
import { Coturn, startCoturn } from '../support/coturn';
import { connectionPaths } from '../support/call-probe';

const paths = (page: Page) => connectionPaths(page);

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
  let scenario: CallScenario;
  let booth: Page;
  let agent: Page;

  beforeAll(async () => {
    coturn = await startCoturn({ tls });
    scenario = await startCallScenario({
      env: {
        MEDIA_WORKERS: '1',
        TURN_URLS: tls ? `turns:127.0.0.1:${coturn.tlsPort}?transport=tcp` : `turn:127.0.0.1:${coturn.port}?transport=tcp`,
        TURN_SECRET: coturn.secret,
        ICE_TRANSPORT_POLICY: 'relay',
      },
      // The test's TURN certificate is self-signed: Chromium checks it like a web site's.
      chromiumArgs: tls ? ['--ignore-certificate-errors'] : [],
    });
    ({ booth, agent } = scenario);
  });
  afterAll(async () => {
    await scenario?.close();
    await coturn?.stop();
  });

  it('both sides see and hear each other', async () => {
    await admitBooth(scenario);
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
    const room = await scenario.t.app.get<RoomRegistry>(ROOM_REGISTRY).find(scenario.consultationId);
    const tuples = room!.listPeers().flatMap((peer) => [...peer.transports.values()].map((tr) => tr.iceSelectedTuple));
    expect(tuples).toHaveLength(4);
    for (const tuple of tuples) {
      expect(tuple?.remoteIp).toBe('127.0.0.1');
      expect(tuple!.remotePort).toBeGreaterThanOrEqual(coturn.relayPorts.min);
      expect(tuple!.remotePort).toBeLessThanOrEqual(coturn.relayPorts.max);
    }
  });
});
