import { mkdtemp, rm } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { sessionCookie } from '../support/consultations';
import { createTestDatabase } from '../support/database';
import { freePort, requireBuild, runServer, waitHealthy } from '../support/process';

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('the built server as a process', () => {
  beforeAll(requireBuild);

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer port number from 1 to 65535 \(got "abc"\)/],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /DATABASE_URL must be a postgres:\/\/ connection URL/],
    [{ OIDC_ENABLED: 'true' }, /OIDC_ISSUER must be the issuer URL when OIDC_ENABLED=true/],
    [{ MEDIA_WORKERS: '0' }, /MEDIA_WORKERS must be an integer from 1 to 64/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY must be false, the number of reverse proxies in front of the service/],
    // Express would take the leftmost X-Forwarded-For entry, which the client writes.
    [{ TRUST_PROXY: 'true' }, /true is refused: it would trust an X-Forwarded-For written by the client \(got "true"\)/],
    [{ OUTBOX_RETENTION_DAYS: '120' }, /OUTBOX_RETENTION_DAYS must not exceed CITIZEN_DATA_RETENTION_DAYS \(90\)/],
    [{ AUDIT_RETENTION_DAYS: '7' }, /AUDIT_RETENTION_DAYS must be an integer number of days from 30 to 3650 \(got "7"\)/],
    // A password link built from a forged Host header would send the admin to the attacker's site.
    [{ NODE_ENV: 'production', SMTP_HOST: 'smtp.example.fr' }, /PUBLIC_URL must be set in production when SMTP_HOST or SMS_PROVIDER_URL sends messages/],
    // Served to other machines: media bound everywhere need the address browsers are to be given.
    [{ PUBLIC_URL: 'https://visio.example.fr' }, /RTC_ANNOUNCED_ADDRESS is required: PUBLIC_URL is set.*Set RTC_ANNOUNCED_ADDRESS to the public IP address or host name/],
    [{ PUBLIC_URL: 'https://visio.example.fr', RTC_LISTEN_IP: '0.0.0.0' }, /RTC_ANNOUNCED_ADDRESS is required.*\(RTC_LISTEN_IP=0\.0\.0\.0\)/],
  ])('refuses to start with %j and names the variable', async (env, message) => {
    const server = runServer(env);
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(message);
    expect(server.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('without a worker binary, fails with one clear message saying what to do', async () => {
    const server = runServer({
      MEDIASOUP_WORKER_BIN: '/nonexistent/mediasoup-worker',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      PORT: String(await freePort()),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/No mediasoup worker binary at \/nonexistent\/mediasoup-worker/);
    expect(server.output()).toMatch(/npm run worker:build/);
  });

  it('starts on the embedded PostgreSQL, survives a restart with its data, and shuts down cleanly', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'visio-start-'));
    const pgPort = await freePort();
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), MEDIA_WORKERS: '2', PORT: String(await freePort()) };
    try {
      const first = runServer(env);
      const { body, ms } = await waitHealthy(Number(env.PORT), first);
      expect(body).toMatchObject({ status: 'ok', database: { status: 'up' }, media: { workers: 2, alive: 2 } });
      expect(first.output()).toMatch(/"email":"admin@demo\.visio-msap\.fr","password":"demo-admin-2026"/);
      process.stdout.write(`${JSON.stringify({ figure: 'start_to_healthy_first_run_ms', value: ms })}\n`);

      const login = await fetch(`http://127.0.0.1:${env.PORT}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'agent@demo.visio-msap.fr', password: 'demo-agent-2026' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(await portOpen(pgPort)).toBe(false); // the embedded PostgreSQL stopped too
      for (const pid of body.media.pids) expect(() => process.kill(pid, 0)).toThrow();

      const second = runServer(env);
      const again = await waitHealthy(Number(env.PORT), second);
      process.stdout.write(`${JSON.stringify({ figure: 'start_to_healthy_restart_ms', value: again.ms })}\n`);
      const me = await fetch(`http://127.0.0.1:${env.PORT}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200); // the session row survived the restart
      expect(second.output()).not.toMatch(/ERROR|"level":50/);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(second.output()).not.toMatch(/more than once/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('on a DATABASE_URL database, migrates but seeds demo data only when DEMO_SEED=1', async () => {
    const db = await createTestDatabase();
    const count = async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return Number((await client.query('SELECT count(*) AS n FROM users')).rows[0].n);
      } finally {
        await client.end();
      }
    };
    try {
      const port = String(await freePort());
      const plain = runServer({ DATABASE_URL: db.url, PORT: port, MEDIA_WORKERS: '1' });
      await waitHealthy(Number(port), plain);
      expect(await count()).toBe(0);
      expect(plain.output()).not.toMatch(/Demo accounts/);
      plain.child.kill('SIGTERM');
      expect(await plain.exited).toBe(0);

      const seeded = runServer({ DATABASE_URL: db.url, PORT: port, MEDIA_WORKERS: '1', DEMO_SEED: '1' });
      await waitHealthy(Number(port), seeded);
      expect(await count()).toBe(4);
      seeded.child.kill('SIGTERM');
      expect(await seeded.exited).toBe(0);
    } finally {
      await db.drop();
    }
  });
});

describe('the built server stops promptly with a facilitator’s desk open', () => {
  beforeAll(requireBuild);

  it('SIGTERM ends the open server-sent events streams first: exit 0 within seconds, not the forced exit', async () => {
    const db = await createTestDatabase();
    try {
      const port = await freePort();
      const server = runServer({ DATABASE_URL: db.url, PORT: String(port), MEDIA_WORKERS: '1', DEMO_SEED: '1' });
      await waitHealthy(port, server);
      const cookie = await sessionCookie(`http://127.0.0.1:${port}`, 'animation@demo.visio-msap.fr', 'demo-anim-2026');
      const ended = new Promise<number>((resolve, reject) => {
        httpGet({ host: '127.0.0.1', port, path: '/api/desk/events', headers: { cookie, accept: 'text/event-stream' } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.on('data', () => undefined);
          res.on('end', () => resolve(Date.now()));
          res.on('error', reject);
        }).on('error', reject);
      });
      await new Promise((r) => setTimeout(r, 500)); // the stream is open
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect((await ended) - signalled).toBeLessThan(10_000);
    } finally {
      await db.drop();
    }
  });
});
