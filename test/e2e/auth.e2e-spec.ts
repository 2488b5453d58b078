import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { signIn, signInAs } from '../support/session';

const ADMIN = { email: 'admin@demo.visio-msap.fr', password: 'demo-admin-2026' };

async function auditActions(t: TestApp): Promise<string[]> {
  const rows: Array<{ action: string }> = await t.dataSource.query('SELECT action FROM audit_events ORDER BY id');
  return rows.map((r) => r.action);
}

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('login sets an httpOnly SameSite session cookie and returns the CSRF token, never a hash', async () => {
    const res = await request(t.baseUrl).post('/api/auth/login').send(ADMIN).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/visio_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.body).toMatchObject({ kind: 'user', role: 'admin', csrfToken: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/hash|sessionId/i);
    const stored: Array<{ token_hash: string }> = await t.dataSource.query('SELECT token_hash FROM sessions');
    const token = /visio_session=([^;]+)/.exec(cookie)![1]!;
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('e-mail is case-insensitive and trimmed', async () => {
    await request(t.baseUrl).post('/api/auth/login').send({ ...ADMIN, email: '  Admin@Demo.Visio-MSAP.fr ' }).expect(200);
  });

  it('logout ends the session: the same cookie is refused afterwards', async () => {
    const s = await signIn(t.baseUrl, 'agent');
    await s.agent.get('/api/auth/me').expect(200);
    await s.agent.post('/api/auth/logout').set('X-CSRF-Token', s.csrf).expect(204);
    const replay = await request(t.baseUrl).get('/api/auth/me').set('Cookie', `visio_session=${'x'.repeat(43)}`);
    expect(replay.status).toBe(401);
    const after = await s.agent.get('/api/auth/me');
    expect(after.status).toBe(401);
  });

  it('an expired session answers 401 SESSION_EXPIRED', async () => {
    const s = await signIn(t.baseUrl, 'coordinator');
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [s.userId]);
    const res = await s.agent.get('/api/auth/me').expect(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
    // A stale cookie does not block signing in again.
    await s.agent.post('/api/auth/login').send({ email: 'coordination@demo.visio-msap.fr', password: 'demo-coord-2026' }).expect(200);
    await s.agent.get('/api/auth/me').expect(200);
  });

  it('state-changing requests need the CSRF header of the session', async () => {
    const s = await signIn(t.baseUrl, 'admin');
    const missing = await s.agent.post('/api/users').send({});
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('CSRF_MISMATCH');
    const other = await signIn(t.baseUrl, 'facilitator');
    const wrong = await s.agent.post('/api/users').set('X-CSRF-Token', other.csrf).send({});
    expect(wrong.body.code).toBe('CSRF_MISMATCH');
  });

  it('rejects form-encoded bodies (cross-site form posts) with 415', async () => {
    const res = await request(t.baseUrl).post('/api/auth/login').type('form').send('email=a@b.fr&password=x');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('records logins and role changes in the audit log, readable by admins', async () => {
    const admin = await signInAs(t.baseUrl, ADMIN.email, ADMIN.password);
    const created = await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'nouvel.agent@example.fr', displayName: 'Nouvel Agent', role: 'coordinator', password: 'un-mot-de-passe-long', departement: '45' })
      .expect(201);
    // A facilitator needs an MSAP (PATCH /api/users/:id gives both); an admin needs no attachment.
    await admin.agent.patch(`/api/users/${created.body.id}/role`).set('X-CSRF-Token', admin.csrf).send({ role: 'admin' }).expect(200);
    const log = await admin.agent.get('/api/audit?limit=50').expect(200);
    const items = log.body.items as Array<{ action: string; subject: { id: string } | null; details: object }>;
    const change = items.find((e) => e.action === 'user.role_changed');
    expect(change).toMatchObject({ subject: { id: created.body.id }, details: { from: 'coordinator', to: 'admin' } });
    expect(items.some((e) => e.action === 'login.succeeded')).toBe(true);
    // The view says whether the account has a password (hasPassword), never what it is.
    expect(JSON.stringify(created.body)).not.toMatch(/passwordHash|password_hash|argon2|un-mot-de-passe-long/i);
  });

  it('an admin cannot change their own role (no lock-out of the last admin by mistake)', async () => {
    const admin = await signInAs(t.baseUrl, ADMIN.email, ADMIN.password);
    const res = await admin.agent.patch(`/api/users/${admin.userId}/role`).set('X-CSRF-Token', admin.csrf).send({ role: 'agent' });
    expect(res.status).toBe(403);
  });

  // These run last: they leave 127.0.0.1 blocked.
  it('an unknown account gets the same answer as a wrong password', async () => {
    // Before any limit is reached: the two answers must be the same, never a hint that an account exists.
    const strip = (res: request.Response) => ({ status: res.status, code: res.body.code, message: res.body.message });
    const wrong = await request(t.baseUrl).post('/api/auth/login').send({ email: 'coordination@demo.visio-msap.fr', password: 'not-the-password' });
    const unknown = await request(t.baseUrl).post('/api/auth/login').send({ email: 'nobody@example.fr', password: 'not-the-password' });
    expect(strip(wrong)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    expect(strip(unknown)).toEqual(strip(wrong));
    expect(unknown.body.message).not.toMatch(/exist|unknown account/i);
  });

  it('wrong passwords are rate limited, audited, and a right password is refused while blocked', async () => {
    const email = 'animation@demo.visio-msap.fr';
    for (let i = 0; i < 3; i++) {
      const res = await request(t.baseUrl).post('/api/auth/login').send({ email, password: 'wrong-password' });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await request(t.baseUrl).post('/api/auth/login').send({ email, password: 'demo-anim-2026' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const actions = await auditActions(t);
    expect(actions.filter((a) => a === 'login.failed').length).toBeGreaterThanOrEqual(3);
    expect(actions).toContain('login.rate_limited');
    // Colleagues behind the same address (one NAT for a whole prefecture) can still sign in.
    await signIn(t.baseUrl, 'agent');
  });

  it('many failures from one address end up blocking that address for every account', async () => {
    // IP limit = 10 × LOGIN_RATE_LIMIT (3) = 30 failures, spread over accounts so none hits its own limit.
    for (let i = 0; i < 30; i++) {
      await request(t.baseUrl).post('/api/auth/login').send({ email: `guess${i}@example.fr`, password: 'x' });
    }
    const res = await request(t.baseUrl).post('/api/auth/login').send(ADMIN);
    expect(res.status).toBe(429);
  });

});
