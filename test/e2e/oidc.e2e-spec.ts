import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { TestOidcProvider } from '../support/oidc-provider';

const CALLBACK = 'http://127.0.0.1:1/api/auth/oidc/callback';

describe('OIDC login (ProConnect)', () => {
  const provider = new TestOidcProvider('visio-msap', 'client-secret-for-tests');
  let t: TestApp;

  beforeAll(async () => {
    await provider.start();
    t = await startTestApp({
      OIDC_ENABLED: 'true',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: CALLBACK,
      LOGIN_RATE_LIMIT: '100',
    });
  });
  afterAll(async () => {
    await t.close();
    await provider.stop();
  });

  beforeEach(() => {
    provider.identity = { sub: 'pc-sub-1', email: 'agent@demo.visio-msap.fr' };
    provider.tamper = {};
  });

  /** Runs the browser's part of the flow; returns the agent and the callback response. */
  async function signInThroughProvider(tamperCallback?: (u: URL) => void, loginPath = '/api/auth/oidc/login') {
    const agent = request.agent(t.baseUrl);
    const start = await agent.get(loginPath).expect(302);
    const authorize = new URL(start.headers.location!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const atProvider = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    tamperCallback?.(back);
    const callback = await agent.get(`${back.pathname}${back.search}`);
    return { agent, callback };
  }

  it('advertises OIDC on the login page', async () => {
    const res = await request(t.baseUrl).get('/api/auth/providers').expect(200);
    expect(res.body).toEqual({ password: true, oidc: true });
  });

  it('signs an existing account in, links its subject, and later logins use the subject', async () => {
    const { agent, callback } = await signInThroughProvider();
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/');
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ kind: 'user', role: 'agent' });
    const [row] = await t.dataSource.query(`SELECT oidc_subject FROM users WHERE email = 'agent@demo.visio-msap.fr'`);
    expect(row.oidc_subject).toBe('pc-sub-1');

    // The e-mail changed at the provider: the subject still finds the account.
    provider.identity = { sub: 'pc-sub-1', email: 'renamed@example.fr' };
    const again = await signInThroughProvider();
    expect(again.callback.status).toBe(302);
    await again.agent.get('/api/auth/me').expect(200);
  });

  it('comes back to the page asked for while signed out, never to another site', async () => {
    const back = await signInThroughProvider(undefined, '/api/auth/oidc/login?retour=%2Fagent%2Fagenda%3Fjour%3D2026-03-30');
    expect(back.callback.status).toBe(302);
    expect(back.callback.headers.location).toBe('/agent/agenda?jour=2026-03-30');
    for (const elsewhere of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { callback } = await signInThroughProvider(undefined, `/api/auth/oidc/login?retour=${encodeURIComponent(elsewhere)}`);
      expect(callback.headers.location).toBe('/');
    }
  });

  it('refuses an identity with no account', async () => {
    provider.identity = { sub: 'pc-sub-unknown', email: 'stranger@example.fr' };
    const { agent, callback } = await signInThroughProvider();
    expect(callback.status).toBe(403);
    await agent.get('/api/auth/me').expect(401);
  });

  it('refuses a callback whose state does not match (login CSRF)', async () => {
    const { callback } = await signInThroughProvider((u) => u.searchParams.set('state', 'forged-state-value-xxxxxxxx'));
    expect(callback.status).toBe(502);
    expect(callback.body.code).toBe('OIDC_FAILED');
  });

  it('refuses an ID token with the wrong nonce (replay)', async () => {
    provider.tamper = { nonce: 'another-nonce' };
    const { callback } = await signInThroughProvider();
    expect(callback.body.code).toBe('OIDC_FAILED');
  });

  it('refuses a callback without the transaction cookie', async () => {
    const res = await request(t.baseUrl).get('/api/auth/oidc/callback?code=x&state=y');
    expect(res.body.code).toBe('OIDC_FAILED');
  });
});

describe('OIDC disabled (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 404 on the OIDC routes and tells the login page', async () => {
    expect((await request(t.baseUrl).get('/api/auth/providers')).body).toEqual({ password: true, oidc: false });
    const res = await request(t.baseUrl).get('/api/auth/oidc/login').expect(404);
    expect(res.body.code).toBe('OIDC_DISABLED');
    await request(t.baseUrl).get('/api/auth/oidc/callback?code=x&state=y').expect(404);
  });
});
