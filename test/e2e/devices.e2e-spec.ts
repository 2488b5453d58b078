import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { pairDevice } from '../support/callers';
import { demoIds } from '../support/demo-data';
import { signIn } from '../support/session';

describe('booth terminal pairing', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '50' });
    ids = await demoIds(t.dataSource);
  });
  afterAll(() => t.close());

  it('a facilitator pairs a terminal of their MSAP with a one-time code', async () => {
    const f = await signIn(t.baseUrl, 'facilitator');
    const created = await f.agent.post(`/api/booths/${ids.pithiviersBoothId}/pairing-codes`).set('X-CSRF-Token', f.csrf).expect(201);
    expect(created.body.code).toMatch(/^\d{8}$/);

    const terminal = request.agent(t.baseUrl);
    // Typed with a space, as read aloud from the facilitator's screen.
    const spaced = `${created.body.code.slice(0, 4)} ${created.body.code.slice(4)}`;
    const paired = await terminal.post('/api/devices/pair').send({ code: spaced }).expect(200);
    expect(paired.body).toMatchObject({ kind: 'device', boothId: ids.pithiviersBoothId, msapSiteId: ids.pithiviersId });
    const cookie = String(paired.headers['set-cookie']);
    expect(cookie).toMatch(/visio_device=.+HttpOnly/);
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]!);
    expect(expires.getTime() - Date.now()).toBeGreaterThan(300 * 86_400_000); // long-lived

    const me = await terminal.get('/api/auth/me').expect(200);
    expect(me.body.kind).toBe('device');

    // One-time: the same code cannot pair a second terminal.
    const again = await request(t.baseUrl).post('/api/devices/pair').send({ code: created.body.code });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('PAIRING_CODE_INVALID');
  });

  it('an expired code is refused, and said to be expired (the facilitator makes a new one)', async () => {
    const a = await signIn(t.baseUrl, 'admin');
    const created = await a.agent.post(`/api/booths/${ids.pithiviersBoothId}/pairing-codes`).set('X-CSRF-Token', a.csrf).expect(201);
    await t.dataSource.query(`UPDATE pairing_codes SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const res = await request(t.baseUrl).post('/api/devices/pair').send({ code: created.body.code });
    expect(res.body).toMatchObject({ statusCode: 400, code: 'PAIRING_CODE_EXPIRED' });
  });

  it('a facilitator cannot pair or revoke terminals of another MSAP', async () => {
    const f = await signIn(t.baseUrl, 'facilitator');
    const res = await f.agent.post(`/api/booths/${ids.sullyBoothId}/pairing-codes`).set('X-CSRF-Token', f.csrf);
    expect(res.status).toBe(403);
    const other = await pairDevice(t.baseUrl, ids.sullyBoothId);
    const revoke = await f.agent.delete(`/api/devices/${other.deviceId}`).set('X-CSRF-Token', f.csrf);
    expect(revoke.status).toBe(403);
    await other.agent.get('/api/auth/me').expect(200);
    const list = await f.agent.get('/api/devices').expect(200);
    expect((list.body as Array<{ id: string }>).map((d) => d.id)).not.toContain(other.deviceId);
  });

  it('revoking a terminal logs it out at once, and the revocation is audited', async () => {
    const terminal = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    await terminal.agent.get('/api/auth/me').expect(200);
    const f = await signIn(t.baseUrl, 'facilitator');
    await f.agent.delete(`/api/devices/${terminal.deviceId}`).set('X-CSRF-Token', f.csrf).expect(204);
    const res = await terminal.agent.get('/api/auth/me').expect(401);
    expect(res.body.code).toBe('DEVICE_REVOKED');
    const audit: Array<{ action: string; subject_id: string }> = await t.dataSource.query(
      `SELECT action, subject_id FROM audit_events WHERE action IN ('device.paired', 'device.revoked')`,
    );
    expect(audit).toEqual(expect.arrayContaining([{ action: 'device.revoked', subject_id: terminal.deviceId }]));
    expect(audit.filter((e) => e.action === 'device.paired').length).toBeGreaterThanOrEqual(2);
  });

  it('a terminal only sees the consultations of its own booth', async () => {
    const terminal = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const [agent] = await t.dataSource.query('SELECT id, administration_id FROM agents LIMIT 1');
    // One agent cannot be booked twice at once (exclusion constraint): the two are an hour apart.
    const insert = `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at)
                    VALUES ($1, $2, $3, now() + make_interval(hours => $4), now() + make_interval(hours => $4, mins => 30)) RETURNING id`;
    const [mine] = await t.dataSource.query(insert, [ids.pithiviersBoothId, agent.id, agent.administration_id, 1]);
    await t.dataSource.query(insert, [ids.sullyBoothId, agent.id, agent.administration_id, 2]);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const res = await terminal.agent.get('/api/consultations').query({ from, to }).expect(200);
    expect((res.body as Array<{ id: string }>).map((c) => c.id)).toEqual([mine.id]);
  });
});
