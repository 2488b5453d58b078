import request from 'supertest';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../../server/src/common/http/security-headers';
import { startTestApp, TestApp } from '../support/app';

/** The security headers every answer carries: pages, static files, API answers and errors alike. */
describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const expectHardened = (res: request.Response) => {
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
    expect(res.headers['permissions-policy']).toMatch(/camera=\(self\), microphone=\(self\)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  };

  it.each([
    ['a page', '/connexion', 200],
    ['the API documentation', '/api/docs', 200],
    ['an API answer', '/api/health', 200],
    ['an API error (not signed in)', '/api/consultations?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z', 401],
    ['an unknown API route', '/api/nothing-here', 404],
  ])('on %s', async (_what, path, status) => {
    const res = await request(t.baseUrl).get(path).set('Accept', 'text/html,application/json');
    expect(res.status).toBe(status);
    expectHardened(res);
    // Plain http here: no HSTS (it would pin a host name to https it does not serve).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('on a body the parser refuses, before any route', async () => {
    const res = await request(t.baseUrl).post('/api/auth/login').set('Content-Type', 'application/json').send('{not json');
    expect(res.status).toBe(400);
    expectHardened(res);
  });

  it('on a static file of the client', async () => {
    const page = await request(t.baseUrl).get('/connexion').set('Accept', 'text/html');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(asset).toBeDefined();
    const res = await request(t.baseUrl).get(asset!);
    expect(res.status).toBe(200);
    expectHardened(res);
  });
});

describe('security headers behind https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://visio.example.fr' });
  });
  afterAll(() => t?.close());

  it('adds HSTS when the public URL is https', async () => {
    const res = await request(t.baseUrl).get('/api/health');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
