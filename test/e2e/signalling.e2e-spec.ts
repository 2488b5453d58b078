import request from 'supertest';
import { CLOSE_CODES } from '../../shared/signalling/protocol';
import { startTestApp, TestApp } from '../support/app';
import { deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { createConsultation, sessionCookie } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { signIn } from '../support/session';
import { SignallingClient } from '../support/signalling-client';

const AGENT = ['agent@demo.visio-msap.fr', 'demo-agent-2026'] as const;
const FACILITATOR = ['animation@demo.visio-msap.fr', 'demo-anim-2026'] as const;

describe('signalling over WebSocket', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let consultationId: string;
  let boothCookie: string;
  let agentCookie: string;
  const clients: SignallingClient[] = [];
  /** A consultation of its own per test: admissions last as long as the call. */
  const fresh = async () => {
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0]);
  };
  const connect = (cookie: string | null, consultation = consultationId, headers: Record<string, string> = {}) => {
    const client = SignallingClient.connect(t.baseUrl, consultation, cookie, headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    ids = await demoIds(t.dataSource);
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0]);
    const device = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    boothCookie = await deviceCookie(device.agent);
    agentCookie = await sessionCookie(t.baseUrl, ...AGENT);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => t.close());

  const deviceCookie = async (agent: Parameters<typeof deviceTokenOf>[0]) => `visio_device=${deviceTokenOf(agent)}`;

  describe('who may join', () => {
    it('refuses a socket without a session', async () => {
      expect((await connect(null).closed).code).toBe(CLOSE_CODES.unauthenticated);
    });

    it('refuses another agent, and a facilitator of another MSAP', async () => {
      const admin = await signIn(t.baseUrl, 'admin');
      const [admin1] = await t.dataSource.query(`SELECT id FROM administrations LIMIT 1`);
      for (const body of [
        { email: 'autre.agent@example.fr', role: 'agent', administrationId: admin1.id },
        { email: 'autre.animation@example.fr', role: 'facilitator', msapSiteId: ids.sullyId },
      ]) {
        await admin.agent.post('/api/users').set('X-CSRF-Token', admin.csrf).send({ ...body, displayName: 'X', password: 'un-mot-de-passe-long' }).expect(201);
        const cookie = await sessionCookie(t.baseUrl, body.email, 'un-mot-de-passe-long');
        expect((await connect(cookie).closed).code).toBe(CLOSE_CODES.forbidden);
      }
    });

    it('refuses an unknown or malformed consultation id', async () => {
      expect((await connect(agentCookie, '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f').closed).code).toBe(CLOSE_CODES.notFound);
      expect((await connect(agentCookie, "x' OR 1=1").closed).code).toBe(CLOSE_CODES.notFound);
    });

    it('refuses outside the time window (margin 15 min), and a cancelled consultation', async () => {
      const tomorrow = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0], 24 * 60);
      expect((await connect(agentCookie, tomorrow).closed).code).toBe(CLOSE_CODES.outsideWindow);
      const soon = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0], 10);
      const early = connect(agentCookie, soon);
      await early.request('join', {}); // 10 min early is inside the margin
      const cancelled = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0]);
      await t.dataSource.query(`UPDATE consultations SET status = 'cancelled', cancellation_cause = 'service' WHERE id = $1`, [cancelled]);
      expect((await connect(agentCookie, cancelled).closed).code).toBe(CLOSE_CODES.cancelled);
    });

    it('refuses a cross-site page (Origin of another host)', async () => {
      expect((await connect(agentCookie, consultationId, { origin: 'https://evil.example' }).closed).code).toBe(CLOSE_CODES.forbidden);
    });

    it('a revoked terminal is refused', async () => {
      const other = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
      const cookie = await deviceCookie(other.agent);
      const admin = await signIn(t.baseUrl, 'admin');
      await admin.agent.delete(`/api/devices/${other.deviceId}`).set('X-CSRF-Token', admin.csrf).expect(204);
      expect((await connect(cookie).closed).code).toBe(CLOSE_CODES.unauthenticated);
    });
  });

  describe('lobby', () => {
    beforeEach(fresh);

    it('the booth waits in the lobby, the agent is told and admits it, then media requests are allowed', async () => {
      const agent = connect(agentCookie);
      const joinedAgent = await agent.request('join', {});
      expect(joinedAgent.self).toMatchObject({ role: 'agent', phase: 'call' });
      expect(joinedAgent.routerRtpCapabilities.codecs!.length).toBeGreaterThan(0);
      // The call page loads its device beforehand with what every router offers: exactly the join's.
      const capabilities = await request(t.baseUrl).get('/api/calls/media-capabilities').set('Cookie', agentCookie).expect(200);
      expect(capabilities.body.routerRtpCapabilities).toEqual(joinedAgent.routerRtpCapabilities);
      await request(t.baseUrl).get('/api/calls/media-capabilities').expect(401);

      const booth = connect(boothCookie);
      const joinedBooth = await booth.request('join', {});
      expect(joinedBooth.self).toMatchObject({ role: 'booth', phase: 'lobby', displayName: 'France Services de Pithiviers' });
      // Straight into the call, the join brings both transports; from the lobby, none.
      expect(joinedAgent.transports?.recv).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), producers: [] });
      expect(joinedAgent.transports?.send.iceCandidates.length).toBe(2);
      expect(joinedBooth.transports).toBeUndefined();
      expect((await agent.notification('lobbyWaiting')).participant.id).toBe(joinedBooth.self.id);

      // The MSAP's facilitator may join too, and also waits to be let in.
      const facilitator = connect(await sessionCookie(t.baseUrl, ...FACILITATOR));
      expect((await facilitator.request('join', {})).self).toMatchObject({ role: 'facilitator', phase: 'lobby' });

      expect((await booth.refusal('createTransport', { direction: 'send' })).code).toBe('NOT_ADMITTED');
      expect((await booth.refusal('reportCallEvent', { kind: 'audio_only_fallback' })).code).toBe('NOT_ADMITTED');
      expect((await booth.refusal('admit', { participantId: joinedBooth.self.id })).code).toBe('FORBIDDEN');

      await agent.request('admit', { participantId: joinedBooth.self.id });
      expect((await booth.notification('admitted')).self.phase).toBe('call');
      const transport = await booth.request('createTransport', { direction: 'send' });
      expect(transport.iceCandidates.length).toBe(2);
      expect(transport.iceServers).toEqual([]);
      // Nothing is produced yet: a receive transport comes with an empty list of producers to consume.
      expect(transport.producers).toEqual([]);
      expect((await booth.request('createTransport', { direction: 'recv' })).producers).toEqual([]);

      // Only the agent shares a screen.
      const refusal = await booth.refusal('produce', { transportId: transport.id, kind: 'video', rtpParameters: {} as never, source: 'screen' });
      expect(refusal.code).toBe('FORBIDDEN');
    });

    it('a second socket of the same participant replaces the first (no ghost) and stays admitted', async () => {
      const agent = connect(agentCookie);
      await agent.request('join', {});
      const first = connect(boothCookie);
      const { self } = await first.request('join', {});
      await agent.request('admit', { participantId: self.id });
      const second = connect(boothCookie);
      const again = await second.request('join', {});
      expect((await first.closed).code).toBe(CLOSE_CODES.replaced);
      expect(again.self.phase).toBe('call');
      expect(again.participants.filter((p) => p.id === self.id)).toEqual([]);
    });

    it('the agent ends the consultation for everyone', async () => {
      const agent = connect(agentCookie);
      await agent.request('join', {});
      const booth = connect(boothCookie);
      await booth.request('join', {});
      expect((await booth.refusal('end', {})).code).toBe('FORBIDDEN');
      await agent.request('end', {});
      expect(await booth.notification('closed')).toEqual({ reason: 'ended', reconnect: false });
      expect((await booth.closed).code).toBe(CLOSE_CODES.ended);
      // Over for good: nobody comes back into it, and the consultation says so.
      expect((await connect(boothCookie).closed).code).toBe(CLOSE_CODES.ended);
      expect((await connect(agentCookie).closed).code).toBe(CLOSE_CODES.ended);
      const [row] = await t.dataSource.query(`SELECT status, call_ended_at FROM consultations WHERE id = $1`, [consultationId]);
      expect(row.status).toBe('ended');
      expect(row.call_ended_at).not.toBeNull();
    });
  });

  describe('bad input', () => {
    it('answers every malformed request with an error acknowledgement, and keeps the socket', async () => {
      await fresh();
      const agent = connect(agentCookie);
      await agent.opened();
      expect((await agent.refusal('createTransport', { direction: 'send' })).code).toBe('NOT_JOINED');
      agent.socket.send('not json');
      agent.socket.send(JSON.stringify([1, 2, 3]));
      agent.socket.send(Buffer.from([1, 2, 3]), { binary: true });
      expect((await agent.raw('launchMissiles', {})).code).toBe('UNKNOWN_METHOD');
      expect((await agent.raw('join', 'x')).code).toBe('VALIDATION_FAILED');
      expect((await agent.raw('join', { displayName: 42 })).code).toBe('VALIDATION_FAILED');
      expect((await agent.raw('join', { admin: true })).code).toBe('VALIDATION_FAILED');
      await agent.request('join', {});
      expect((await agent.raw('createTransport', { direction: 'sideways' })).code).toBe('VALIDATION_FAILED');
      expect((await agent.raw('reportCallEvent', { kind: 'camera_off' })).code).toBe('VALIDATION_FAILED');
      expect((await agent.raw('reportCallEvent', { kind: 'audio_only_fallback', at: 'now' })).code).toBe('VALIDATION_FAILED');
      expect(await agent.request('reportCallEvent', { kind: 'audio_only_fallback' })).toEqual({});
      const transport = await agent.request('createTransport', { direction: 'send' });
      const bad = await agent.raw('connectTransport', { transportId: transport.id, dtlsParameters: { fingerprints: 'nope' } });
      expect(bad.code).toBe('VALIDATION_FAILED');
      expect((await agent.raw('resumeConsumer', { consumerId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f' })).code).toBe('UNKNOWN_CONSUMER');
      expect((await agent.raw('pauseConsumer', { consumerId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f' })).code).toBe('UNKNOWN_CONSUMER');
      expect((await agent.raw('pauseConsumer', { consumerId: 'not-an-id' })).code).toBe('VALIDATION_FAILED');
      await new Promise((r) => setTimeout(r, 100));
      expect(agent.strayAcks.map((a) => a.code)).toEqual(['BAD_FRAME', 'BAD_FRAME', 'BAD_FRAME']);
      expect(agent.socket.readyState).toBe(agent.socket.OPEN);
    });

    it('a huge frame or a flood closes that socket only; the other participant is not disturbed', async () => {
      await fresh();
      const agent = connect(agentCookie);
      await agent.request('join', {});
      const huge = connect(boothCookie);
      await huge.opened();
      huge.socket.send(JSON.stringify({ id: 1, method: 'join', data: { displayName: 'x'.repeat(100_000) } }));
      expect((await huge.closed).code).toBe(1009);

      const flood = connect(boothCookie);
      await flood.opened();
      for (let i = 0; i < 300; i++) flood.socket.send(JSON.stringify({ id: i, method: 'leave', data: {} }));
      expect((await flood.closed).code).toBe(CLOSE_CODES.flood);

      const transport = await agent.request('createTransport', { direction: 'recv' });
      expect(transport.id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('a worker crash during the call: everyone is told to reconnect and lands in a room on a new worker', async () => {
    await fresh();
    const agent = connect(agentCookie);
    await agent.request('join', {});
    const booth = connect(boothCookie);
    const { self } = await booth.request('join', {});
    await agent.request('admit', { participantId: self.id });
    await booth.request('createTransport', { direction: 'send' });
    await agent.request('createTransport', { direction: 'recv' });

    const health = await request(t.baseUrl).get('/api/health');
    const [pid] = health.body.media.pids as number[];
    process.kill(pid!, 'SIGKILL');
    expect(await booth.notification('closed')).toEqual({ reason: 'worker_died', reconnect: true });
    expect(await agent.notification('closed')).toEqual({ reason: 'worker_died', reconnect: true });

    // Rejoining on the same sockets, once the worker is back: straight into the call, no new admission.
    let rejoined: Awaited<ReturnType<typeof booth.request<'join'>>> | null = null;
    for (let i = 0; i < 50 && !rejoined; i++) {
      rejoined = await booth.request('join', {}).catch(() => null);
      if (!rejoined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(rejoined!.self.phase).toBe('call');
    await agent.request('join', {});
    expect((await booth.request('createTransport', { direction: 'send' })).iceCandidates.length).toBe(2);
    const after = await request(t.baseUrl).get('/api/health');
    expect(after.body.media.pids).not.toContain(pid);
  });
});
