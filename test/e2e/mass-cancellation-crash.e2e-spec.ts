import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { createTestDatabase, TestDatabase } from '../support/database';
import { freePort, requireBuild, runServer, ServerProcess, waitHealthy } from '../support/process';
import { signIn } from '../support/session';

const COUNT = 10_000;

/**
 * An SMS provider that honours idempotency keys, as the README asks of real ones: a request whose
 * key it has already accepted is answered with the first message id and not delivered again. It
 * answers slowly so that messages are in flight when the server is killed.
 */
async function idempotentProvider(): Promise<{ server: Server; url: string; requests: number; delivered: Map<string, string> }> {
  const state = { requests: 0, delivered: new Map<string, string>() };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      state.requests++;
      const key = String(req.headers['idempotency-key']);
      const body = JSON.parse(raw) as { to: string };
      if (!state.delivered.has(key)) state.delivered.set(key, body.to);
      setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `sms-${key}` })), 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms` });
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 180_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('mass cancellation when the server is killed (SIGKILL) mid-job', () => {
  let db: TestDatabase;
  let pg: Client;
  let provider: Awaited<ReturnType<typeof idempotentProvider>>;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    requireBuild();
    provider = await idempotentProvider();
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await pg.end();
    await db.drop();
    await new Promise((r) => provider.server.close(r));
  });

  async function start(): Promise<string> {
    const port = await freePort();
    const server = runServer({
      DATABASE_URL: db.url,
      DEMO_SEED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      MEDIA_WORKERS: '1',
      LOGIN_RATE_LIMIT: '1000',
      SMS_PROVIDER_URL: provider.url,
      NOTIFICATIONS_INTERVAL_MS: '100',
      NOTIFICATIONS_LEASE_SECONDS: '5',
      MASS_CANCEL_BATCH_SIZE: '100',
      MASS_CANCEL_LEASE_SECONDS: '5',
    });
    servers.push(server);
    await waitHealthy(port, server);
    return `http://127.0.0.1:${port}`;
  }

  it(`cancels ${COUNT} consultations, each citizen getting exactly one message, although the first server dies`, async () => {
    let baseUrl = await start();
    const query = ((sql: string, params?: unknown[]) => pg.query(sql, params).then((r) => r.rows)) as DataSource['query'];
    const [{ booth_id: boothId }] = await query(`SELECT b.id AS booth_id FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE s.name LIKE '%Pithiviers' ORDER BY b.name LIMIT 1`);
    const [{ id: agentId }] = await query(`SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = 'agent@demo.visio-msap.fr'`);
    const from = new Date(Date.now() + 86_400_000);
    await insertCitizenConsultations({ query } as DataSource, { count: COUNT, boothId, agentUserEmail: 'agent@demo.visio-msap.fr', firstStart: from, contacts: 'phone' });

    let coordinator = await signIn(baseUrl, 'coordinator');
    const created = await coordinator.agent
      .post('/api/mass-cancellations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ agentId, from: from.toISOString(), to: new Date(from.getTime() + 200 * 86_400_000).toISOString(), message: 'Bonjour {nom}, RDV du {date} annulé.' })
      .expect(202);
    const jobId = created.body.id as string;

    // Kill it once batches have committed and messages are going out.
    await until('the job and the sending to be under way', async () => {
      const [job] = await query('SELECT processed FROM mass_cancellation_jobs WHERE id = $1', [jobId]);
      return job.processed >= 1000 && provider.delivered.size >= 50;
    });
    servers[0]!.child.kill('SIGKILL');
    await servers[0]!.exited;
    const [atKill] = await query('SELECT processed FROM mass_cancellation_jobs WHERE id = $1', [jobId]);
    expect(atKill.processed).toBeLessThan(COUNT);

    baseUrl = await start();
    coordinator = await signIn(baseUrl, 'coordinator');
    const done = await until('the resumed job and its messages to finish', async () => {
      const res = await coordinator.agent.get(`/api/mass-cancellations/${jobId}`).expect(200);
      return res.body.state === 'completed' && res.body.pending === 0 ? res.body : undefined;
    });
    expect(done).toMatchObject({ total: COUNT, processed: COUNT, cancelled: COUNT, skipped: 0, sent: COUNT, failed: 0, noContact: 0 });

    const [rows] = await query(
      `SELECT count(*)::int AS n, count(DISTINCT consultation_id)::int AS consultations, count(*) FILTER (WHERE status = 'sent')::int AS sent
         FROM notification_outbox WHERE event = 'cancelled' AND channel = 'sms'`,
    );
    expect(rows).toEqual({ n: COUNT, consultations: COUNT, sent: COUNT });
    // Every citizen's phone got exactly one message. Requests beyond that were the ones in flight
    // when the server died, resent with the same idempotency key and dropped by the provider.
    expect(provider.delivered.size).toBe(COUNT);
    expect(new Set(provider.delivered.values()).size).toBe(COUNT);
    process.stdout.write(`${JSON.stringify({ killedAtProcessed: atKill.processed, smsRequests: provider.requests, duplicatesAbsorbedByIdempotencyKey: provider.requests - COUNT })}\n`);
  }, 300_000);
});
