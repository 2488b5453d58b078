import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { signIn } from '../support/session';

describe('bad input never yields a 500 and never damages stored data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_KB: '16', LOGIN_RATE_LIMIT: '100' });
  });
  afterAll(() => t.close());

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const res = await request(t.baseUrl).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.fr",');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_JSON', requestId: expect.any(String) });
  });

  it('oversize body → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await request(t.baseUrl).post('/api/auth/login').send({ email: 'a@b.fr', password: 'x'.repeat(32 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('wrong types and unknown fields → 422 with field-level messages', async () => {
    const res = await request(t.baseUrl).post('/api/auth/login').send({ email: 42, password: ['x'], admin: true });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors).sort()).toEqual(['admin', 'email', 'password']);
  });

  it('a JSON array → 422 on its missing fields; a scalar body → 400 INVALID_JSON (the parser wants an object or array); never a crash', async () => {
    const array = await request(t.baseUrl).post('/api/auth/login').set('Content-Type', 'application/json').send('[]');
    expect(array.status).toBe(422);
    expect(array.body.code).toBe('VALIDATION_FAILED');
    for (const body of ['"x"', 'null', '123']) {
      const res = await request(t.baseUrl).post('/api/auth/login').set('Content-Type', 'application/json').send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'INVALID_JSON' });
    }
  });

  it('nested errors are reported per field for account creation', async () => {
    const admin = await signIn(t.baseUrl, 'admin');
    const res = await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'not-an-email', displayName: '', role: 'king', password: 'short' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['email', 'displayName', 'role', 'password']));
  });

  it('a duplicate account → 409, and the existing account is untouched', async () => {
    const admin = await signIn(t.baseUrl, 'admin');
    const before = await t.dataSource.query(`SELECT * FROM users WHERE email = 'agent@demo.visio-msap.fr'`);
    const res = await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'AGENT@demo.visio-msap.fr', displayName: 'Intrus', role: 'admin', password: 'un-mot-de-passe-long' });
    expect(res.status).toBe(409);
    expect(await t.dataSource.query(`SELECT * FROM users WHERE email = 'agent@demo.visio-msap.fr'`)).toEqual(before);
    await signIn(t.baseUrl, 'agent');
  });

  it('unknown references → 422 naming the field', async () => {
    const admin = await signIn(t.baseUrl, 'admin');
    const res = await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'x@y.fr', displayName: 'X', role: 'facilitator', password: 'un-mot-de-passe-long', msapSiteId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveProperty('msapSiteId');
  });

  it('malformed ids and query strings → 422, unknown routes → JSON 404', async () => {
    const admin = await signIn(t.baseUrl, 'admin');
    const id = await admin.agent.get('/api/msap-sites/not-a-uuid/booths');
    expect(id.status).toBe(422);
    const q = await admin.agent.get('/api/consultations').query({ from: 'yesterday', to: '2026-01-01T00:00:00Z' });
    expect(q.status).toBe(422);
    expect(q.body.errors).toHaveProperty('from');
    const range = await admin.agent.get('/api/consultations').query({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(range.status).toBe(422);
    const long = await admin.agent.get('/api/consultations').query({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(long.status).toBe(422);
    const audit = await admin.agent.get('/api/audit').query({ limit: 'lots' });
    expect(audit.status).toBe(422);
    const missing = await request(t.baseUrl).get('/api/does-not-exist').expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', statusCode: 404 });
    expect(missing.headers['content-type']).toMatch(/json/);
  });

  it('garbage cookies are treated as no session, not as an error', async () => {
    const res = await request(t.baseUrl).get('/api/auth/me').set('Cookie', 'visio_session=%%%; visio_device=\u00e9');
    expect(res.status).toBe(401);
    await request(t.baseUrl).get('/api/health').set('Cookie', 'visio_session=%%%').expect(200);
  });
});
