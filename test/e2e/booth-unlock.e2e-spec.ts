import { DEMO_ACCOUNTS } from '../../server/src/seed/demo-seed.service';
import { startTestApp, TestApp } from '../support/app';
import { Caller, pairDevice } from '../support/callers';
import { demoIds } from '../support/demo-data';

/** The booth's « Espace animateur »: a facilitator's credentials typed on the booth, checked like a sign-in. */
describe('facilitator unlock of a booth terminal', () => {
  const LIMIT = 3;
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const facilitator = account('facilitator');
  const send = (booth: Caller & { deviceId: string }, path: 'facilitator-unlock' | 'unpair', body: object) =>
    booth.agent.post(`/api/devices/me/${path}`).set('X-CSRF-Token', booth.csrf!).send(body);
  const auditOf = (deviceId: string): Promise<Array<{ action: string; actor_user_id: string | null }>> =>
    t.dataSource.query(`SELECT action, actor_user_id FROM audit_events WHERE actor_device_id = $1 ORDER BY at, id`, [deviceId]);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: String(LIMIT) });
    ids = await demoIds(t.dataSource);
  });
  afterAll(() => t.close());

  it('the facilitator of the booth’s site unlocks it without a session being left on the booth', async () => {
    const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const res = await send(booth, 'facilitator-unlock', { email: facilitator.email, password: facilitator.password }).expect(200);
    expect(res.body).toEqual({ displayName: facilitator.displayName });
    expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/visio_session/);
    // Still the booth, not the facilitator.
    expect((await booth.agent.get('/api/auth/me').expect(200)).body.kind).toBe('device');
    expect((await auditOf(booth.deviceId)).map((e) => e.action)).toContain('device.unlocked');
  });

  it('a wrong password is refused as at sign-in, and audited as a failed unlock', async () => {
    const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const res = await send(booth, 'facilitator-unlock', { email: facilitator.email, password: 'not-the-password' }).expect(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    const failed = (await auditOf(booth.deviceId)).filter((e) => e.action === 'device.unlock_failed');
    expect(failed).toHaveLength(1);
    const [row] = await t.dataSource.query(`SELECT details FROM audit_events WHERE action = 'device.unlock_failed' AND actor_device_id = $1`, [booth.deviceId]);
    expect(row.details).toEqual({ email: facilitator.email });
  });

  it('a facilitator of another site, a coordinator or an agent is refused (403) and it is audited', async () => {
    const sully = await pairDevice(t.baseUrl, ids.sullyBoothId);
    const res = await send(sully, 'facilitator-unlock', { email: facilitator.email, password: facilitator.password }).expect(403);
    expect(res.body.code).toBe('NOT_BOOTH_FACILITATOR');
    for (const role of ['coordinator', 'agent']) {
      const other = account(role);
      expect((await send(sully, 'facilitator-unlock', { email: other.email, password: other.password }).expect(403)).body.code).toBe('NOT_BOOTH_FACILITATOR');
    }
    // Nor can they unpair it: the screen stays paired.
    await send(sully, 'unpair', { email: facilitator.email, password: facilitator.password }).expect(403);
    await sully.agent.get('/api/auth/me').expect(200);
    expect((await auditOf(sully.deviceId)).filter((e) => e.action === 'device.unlock_refused')).toHaveLength(4);
  });

  it('an admin may unlock any booth', async () => {
    const sully = await pairDevice(t.baseUrl, ids.sullyBoothId);
    const admin = account('admin');
    await send(sully, 'facilitator-unlock', { email: admin.email, password: admin.password }).expect(200);
  });

  it('malformed credentials are refused by shape', async () => {
    const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const res = await send(booth, 'facilitator-unlock', { email: 'not-an-email', password: '' }).expect(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    await send(booth, 'facilitator-unlock', { email: facilitator.email, password: facilitator.password, extra: 1 }).expect(422);
  });

  it('wrong passwords are rate-limited per account like sign-in, the booth route and the sign-in page alike', async () => {
    const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const coordinator = account('coordinator');
    for (let i = 0; i < LIMIT; i++) await send(booth, 'facilitator-unlock', { email: coordinator.email, password: `wrong-${i}` }).expect(401);
    const limited = await send(booth, 'facilitator-unlock', { email: coordinator.email, password: coordinator.password }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The same window as the sign-in page: guessing on the booth does not give fresh tries there.
    const login = await booth.agent.post('/api/auth/login').send({ email: coordinator.email, password: coordinator.password });
    expect(login.status).toBe(429);
  });

  it('the facilitator unpairs the screen from the booth: revoked at once, audited as a revocation', async () => {
    const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    await send(booth, 'unpair', { email: facilitator.email, password: 'wrong' }).expect(401);
    await booth.agent.get('/api/auth/me').expect(200);
    await send(booth, 'unpair', { email: facilitator.email, password: facilitator.password }).expect(204);
    expect((await booth.agent.get('/api/auth/me').expect(401)).body.code).toBe('DEVICE_REVOKED');
    const [revoked] = await t.dataSource.query(`SELECT actor_user_id, subject_id, details FROM audit_events WHERE action = 'device.revoked' AND subject_id = $1`, [booth.deviceId]);
    const [user] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [facilitator.email]);
    expect(revoked).toEqual({ actor_user_id: user.id, subject_id: booth.deviceId, details: { boothId: ids.pithiviersBoothId, from: 'booth' } });
    const [device] = await t.dataSource.query(`SELECT revoked_by_id FROM devices WHERE id = $1`, [booth.deviceId]);
    expect(device.revoked_by_id).toBe(user.id);
  });
});

describe('booth screen settings', () => {
  it('gives the operator’s idle time (BOOTH_IDLE_SECONDS) to the booth', async () => {
    const t = await startTestApp({ BOOTH_IDLE_SECONDS: '42' });
    try {
      const ids = await demoIds(t.dataSource);
      const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
      expect((await booth.agent.get('/api/devices/me/settings').expect(200)).body).toEqual({ idleSeconds: 42 });
    } finally {
      await t.close();
    }
  });
});
