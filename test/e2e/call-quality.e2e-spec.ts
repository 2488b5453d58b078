import type { Page } from 'playwright-core';
import request from 'supertest';
import type { types } from 'mediasoup';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import { RetentionService } from '../../server/src/retention/retention.service';
import { CallQualityRecorder } from '../../server/src/signalling/call-quality/call-quality.recorder';
import { median } from '../../server/src/signalling/call-quality/quality-sample';
import type { TestApp } from '../support/app';
import { waitFor } from '../support/browser';
import { mediaAdvancing, mediaFlowing, snapshot } from '../support/call-page';
import { dropSignalling, networkChanged } from '../support/call-probe';
import { admitBooth, CallScenario, startCallScenario } from '../support/call-scenario';
import { createConsultation, sessionCookie } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { SignallingClient } from '../support/signalling-client';

interface QualityRow {
  booth_lobby_at: Date | null;
  agent_joined_at: Date | null;
  media_connected_at: Date | null;
  first_frame_ms: number | null;
  joins: number;
  reconnections: number;
  ice_restarts: number;
  audio_only: boolean;
  connect_failure: string | null;
  rtt_median_ms: number | null;
  loss_median_pct: number | null;
  samples: number;
}

/** What the SFU lets the booth send once its bandwidth is capped: well under the client's audio-only threshold (120 kbit/s). */
const CAPPED_BPS = 50_000;

/**
 * A real call between two Chromium windows (fake camera and microphone) on the real server, and
 * what the server recorded of it in call_quality: who came when, the joins, a reconnection after a
 * dropped socket, ICE restarts after a network change, the booth's automatic switch to audio only
 * when the SFU caps its bandwidth, the SFU's samples every 10 s and their medians at the end.
 */
describe('call quality, recorded by the server during a real call', () => {
  let scenario: CallScenario;
  let t: TestApp;
  let booth: Page;
  let agent: Page;
  let consultationId: string;
  let recorder: CallQualityRecorder;

  const row = async (id = consultationId): Promise<QualityRow | undefined> => {
    await recorder.flush();
    const [found] = (await t.dataSource.query('SELECT * FROM call_quality WHERE consultation_id = $1', [id])) as QualityRow[];
    return found;
  };
  const samples = (): Promise<Array<{ role: string; rtt_ms: number | null; loss_pct: number | null; bitrate_kbps: number | null }>> =>
    t.dataSource.query('SELECT role, rtt_ms, loss_pct, bitrate_kbps FROM call_quality_samples WHERE consultation_id = $1 ORDER BY at', [consultationId]);

  beforeAll(async () => {
    scenario = await startCallScenario({ env: { MEDIA_WORKERS: '1', RETENTION_ENABLED: 'false', CITIZEN_DATA_RETENTION_DAYS: '90' } });
    ({ t, booth, agent, consultationId } = scenario);
    recorder = t.app.get(CallQualityRecorder);
  });
  afterAll(() => scenario?.close());

  it('records the booth’s arrival in the lobby, the agent’s, the joins, and when media first flowed', async () => {
    await admitBooth(scenario);
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');
    const recorded = await waitFor('the first frame recorded', async () => {
      const found = await row();
      return found?.first_frame_ms !== null && found?.first_frame_ms !== undefined ? found : undefined;
    });
    expect(recorded.booth_lobby_at).toBeInstanceOf(Date);
    expect(recorded.agent_joined_at!.getTime()).toBeGreaterThanOrEqual(recorded.booth_lobby_at!.getTime());
    expect(recorded.media_connected_at!.getTime()).toBeGreaterThan(recorded.agent_joined_at!.getTime());
    expect(recorded.first_frame_ms).toBeGreaterThan(0);
    expect(recorded.first_frame_ms).toBeLessThan(15_000);
    expect(recorded).toMatchObject({ joins: 2, reconnections: 0, ice_restarts: 0, audio_only: false, connect_failure: null });
  });

  it('a dropped socket that comes back is a reconnection; a network change restarts ICE, counted', async () => {
    expect(await dropSignalling(booth)).toBe(1);
    await waitFor('the booth back in the call', async () => ((await snapshot(booth)).status === 'call' ? true : undefined), 20_000);
    await mediaAdvancing(booth, 'the booth after its reconnection');
    await networkChanged(agent);
    const recorded = await waitFor('the ICE restarts recorded', async () => {
      const found = await row();
      return found && found.ice_restarts >= 2 ? found : undefined;
    });
    // The booth joined again straight into the call; the agent restarted both its transports (its
    // own watch may add one if a transport blinked meanwhile).
    expect(recorded).toMatchObject({ joins: 3, reconnections: 1 });
    expect(recorded.ice_restarts).toBeGreaterThanOrEqual(2);
  });

  it('the booth’s browser switches to audio only by itself when the SFU caps its bandwidth, and tells the server', async () => {
    const room = (await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId))!;
    const boothPeer = room.listPeers().find((p) => p.info.role === 'booth')!;
    const send = [...boothPeer.transports.values()].find((tr) => (tr.appData as { direction?: string }).direction === 'send') as types.WebRtcTransport;
    // NOTE: a real limit, as a weak uplink would set it: the SFU tells the browser (REMB) to send no more.
    await send.setMaxIncomingBitrate(CAPPED_BPS);
    await booth.getByText('Connexion faible : la vidéo est coupée pour garder le son.').waitFor({ timeout: 20_000 });
    const recorded = await waitFor('the fallback recorded', async () => ((await row())?.audio_only ? true : undefined));
    expect(recorded).toBe(true);
  });

  it('samples the SFU’s round trip, loss and bitrate per role every 10 s, and writes their medians when the call ends', async () => {
    const taken = await waitFor(
      'samples of both roles with a round trip',
      async () => {
        const rows = await samples();
        const roles = new Set(rows.filter((r) => r.rtt_ms !== null).map((r) => r.role));
        return roles.has('booth') && roles.has('agent') ? rows : undefined;
      },
      25_000,
    );
    for (const sample of taken) {
      expect(sample.loss_pct).toBeGreaterThanOrEqual(0);
      expect(sample.bitrate_kbps).toBeGreaterThanOrEqual(0);
    }

    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await booth.getByRole('heading', { name: 'Merci, la téléconsultation est terminée.' }).waitFor();
    await recorder.flush();
    const all = await samples();
    const recorded = (await row())!;
    expect(recorded.samples).toBe(all.length);
    expect(recorded.rtt_median_ms).toBeCloseTo(median(all.flatMap((s) => (s.rtt_ms === null ? [] : [s.rtt_ms])))!, 3);
    expect(recorded.loss_median_pct).toBeCloseTo(median(all.map((s) => s.loss_pct!))!, 3);
    expect(recorded).toMatchObject({ audio_only: true, reconnections: 1, connect_failure: null });
  });

  it('a call whose media never connected keeps the reason the browser reported', async () => {
    const ids = await demoIds(t.dataSource);
    const failing = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    const client = SignallingClient.connect(t.baseUrl, failing, await sessionCookie(t.baseUrl, 'agent@demo.visio-msap.fr', 'demo-agent-2026'));
    try {
      const joined = await client.request('join', {});
      await client.request('reportMediaFailure', {
        transportId: joined.transports!.send.id,
        state: 'timeout',
        iceConnectionState: 'checking',
        local: [{ type: 'host', protocol: 'udp', address: '192.0.2.10', port: 50000 }],
        remote: [],
        pairs: 1,
        succeededPairs: 0,
      });
      const recorded = await row(failing);
      expect(recorded).toMatchObject({ connect_failure: 'ice_timeout', media_connected_at: null, joins: 1, booth_lobby_at: null });
      expect(recorded!.agent_joined_at).toBeInstanceOf(Date);
      // The candidates are logged, never stored.
      const stored = JSON.stringify(await t.dataSource.query('SELECT * FROM call_quality WHERE consultation_id = $1', [failing]));
      expect(stored).not.toContain('192.0.2.10');
    } finally {
      client.close();
    }
  });

  it('the retention sweep deletes samples past the citizen-data limit and keeps each call’s summary', async () => {
    const before = (await samples()).length;
    await t.dataSource.query(
      `INSERT INTO call_quality_samples (consultation_id, at, role, rtt_ms, loss_pct, bitrate_kbps) VALUES ($1, now() - interval '91 days', 'booth', 12, 0, 900)`,
      [consultationId],
    );
    expect((await samples()).length).toBe(before + 1);
    await t.app.get(RetentionService).run();
    const left = await samples();
    expect(left.length).toBe(before);
    expect(left.some((s) => s.rtt_ms === 12 && s.bitrate_kbps === 900)).toBe(false);
    expect((await row())!.samples).toBe(before);
  });

  it('GET /metrics has the calls’ series', async () => {
    const text = (await request(t.baseUrl).get('/metrics').expect(200)).text;
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('visio_calls_in_progress')).toBe(0);
    expect(value('visio_call_joins_total{role="booth"}')).toBe(2);
    expect(value('visio_call_joins_total{role="agent"}')).toBe(2);
    expect(value('visio_call_joins_total{role="facilitator"}')).toBe(0);
    expect(value('visio_call_time_to_first_frame_seconds_count')).toBe(1);
    expect(value('visio_ice_failures_total{reason="ice_timeout"}')).toBe(1);
    expect(value('visio_ice_failures_total{reason="no_media"}')).toBe(0);
    expect(value('visio_ice_restarts_total')).toBe((await row())!.ice_restarts);
    expect(value('visio_audio_only_fallbacks_total')).toBe(1);
  });
});
