import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { MassCancellationRunner } from '../../server/src/notifications/mass-cancellation/mass-cancellation.runner';
import { startTestApp, TestApp } from '../support/app';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { createTestDatabase, TestDatabase } from '../support/database';
import { demoIds } from '../support/demo-data';
import { SignedIn, signIn } from '../support/session';

const AGENT = 'agent@demo.visio-msap.fr';
const COUNT = 10_000;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The SMS provider: records every request it accepts. */
async function smsProvider(): Promise<{ server: Server; url: string; received: Array<{ to: string; ref: string }> }> {
  const received: Array<{ to: string; ref: string }> = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { to: string; clientReference: string };
      received.push({ to: body.to, ref: body.clientReference });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `sms-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, received };
}

describe('mass cancellation', () => {
  let db: TestDatabase;
  let t: TestApp;
  let provider: Awaited<ReturnType<typeof smsProvider>>;
  let env: Record<string, string>;
  let coordinator: SignedIn;
  let agentId: string;
  let boothId: string;
  let ids: string[];
  const from = new Date(Date.now() + 86_400_000);

  beforeAll(async () => {
    provider = await smsProvider();
    env = {
      SMS_PROVIDER_URL: provider.url,
      NOTIFICATIONS_INTERVAL_MS: '100',
      NOTIFICATIONS_BATCH_SIZE: '500',
      // Small batches so that the restart below lands mid-way.
      MASS_CANCEL_BATCH_SIZE: '100',
      MASS_CANCEL_LEASE_SECONDS: '5',
      LOGIN_RATE_LIMIT: '1000',
    };
    db = await createTestDatabase();
    t = await startTestApp(env, { database: db });
    boothId = (await demoIds(t.dataSource)).pithiviersBoothId;
    [{ id: agentId }] = await t.dataSource.query(`SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1`, [AGENT]);
    // Back to back, 20 minutes each, about 139 days; i % 4: phone, e-mail, both, neither.
    ids = await insertCitizenConsultations(t.dataSource, { count: COUNT, boothId, agentUserEmail: AGENT, firstStart: from });
    coordinator = await signIn(t.baseUrl, 'coordinator');
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await db.drop();
    await new Promise((r) => provider.server.close(r));
  });

  const to = new Date(from.getTime() + 200 * 86_400_000);
  const selection = () => ({ agentId, from: from.toISOString(), to: to.toISOString() });
  const post = (body: object) => coordinator.agent.post('/api/mass-cancellations').set('X-CSRF-Token', coordinator.csrf).send(body);

  it('refuses bad selections and messages with a 4xx naming the field, changing nothing', async () => {
    const unknown = '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f';
    const message = 'Bonjour {nom}, votre rendez-vous du {date} est annulé.';
    const cases: Array<[object, number, string]> = [
      [{ ...selection(), agentId: unknown, message }, 404, 'agentId'],
      [{ administrationId: unknown, from: from.toISOString(), to: to.toISOString(), message }, 404, 'administrationId'],
      [{ ...selection(), msapSiteId: unknown, message }, 404, 'msapSiteId'],
      [{ from: from.toISOString(), to: to.toISOString(), message }, 422, 'agentId'],
      [{ ...selection(), from: to.toISOString(), to: from.toISOString(), message }, 422, 'to'],
      [{ ...selection(), to: new Date(from.getTime() + 400 * 86_400_000).toISOString(), message }, 422, 'to'],
      [{ ...selection(), message: '   ' }, 422, 'message'],
      [{ ...selection(), message: 'x'.repeat(481) }, 422, 'message'],
      [{ ...selection(), message: 'Bonjour {prenom}' }, 422, 'message'],
      [{ ...selection() }, 422, 'message'],
      [{ ...selection(), agentId: 'agent-1', message }, 422, 'agentId'],
      [{ ...selection(), from: 'demain', message }, 422, 'from'],
    ];
    for (const [body, status, field] of cases) {
      const res = await post(body);
      expect({ body, status: res.status, field: Object.keys(res.body.errors ?? {}) }).toEqual({ body, status, field: [field] });
    }
    await coordinator.agent.get(`/api/mass-cancellations/preview?agentId=${agentId}&from=${encodeURIComponent(to.toISOString())}&to=${encodeURIComponent(from.toISOString())}`).expect(422);
    const admin = await signIn(t.baseUrl, 'admin');
    await admin.agent.post('/api/mass-cancellations').set('X-CSRF-Token', admin.csrf).send({ ...selection(), message }).expect(403);
    const [state] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM mass_cancellation_jobs) AS jobs, (SELECT count(*)::int FROM notification_outbox) AS outbox,
              (SELECT count(*)::int FROM consultations WHERE status = 'scheduled') AS scheduled`,
    );
    expect(state).toEqual({ jobs: 0, outbox: 0, scheduled: COUNT });
  });

  it('previews the affected consultations: count, citizens without contact, pages', async () => {
    const q = new URLSearchParams({ ...selection(), page: '2', pageSize: '50' });
    const res = await coordinator.agent.get(`/api/mass-cancellations/preview?${q}`).expect(200);
    expect(res.body).toMatchObject({ total: COUNT, withoutContact: COUNT / 4, page: 2, pageSize: 50 });
    expect(res.body.items).toHaveLength(50);
    expect(res.body.items[0]).toMatchObject({ id: ids[50], citizenName: 'Usager 50', hasPhone: true, hasEmail: true, msapSiteName: 'France Services de Pithiviers', agentName: 'Antoine Agent' });
  });

  it(`cancels ${COUNT} consultations with exactly one message each, across a server restart mid-way`, async () => {
    const created = await post({ ...selection(), message: 'Bonjour {nom}, votre RDV du {date} à {msap} est annulé (agent absent). Nous vous rappellerons.' }).expect(202);
    const jobId = created.body.id as string;
    expect(created.body).toMatchObject({ total: COUNT, state: 'running' });

    // Stop the server while the job is under way.
    const midway = await until('the job to be under way', async () => {
      const res = await coordinator.agent.get(`/api/mass-cancellations/${jobId}`).expect(200);
      return res.body.processed >= 1000 ? res.body : undefined;
    });
    await t.close();
    const [atStop] = await createdRows(db, jobId);
    expect(atStop.processed).toBeGreaterThanOrEqual(midway.processed);
    expect(atStop.processed).toBeLessThan(COUNT);

    // A new server on the same database resumes the job by itself.
    t = await startTestApp(env, { database: db });
    coordinator = await signIn(t.baseUrl, 'coordinator');
    const done = await until('the job and its messages to finish', async () => {
      const res = await coordinator.agent.get(`/api/mass-cancellations/${jobId}`).expect(200);
      return res.body.state === 'completed' && res.body.pending === 0 ? res.body : undefined;
    });
    expect(done).toMatchObject({ total: COUNT, processed: COUNT, cancelled: COUNT, skipped: 0, noContact: COUNT / 4, sent: (COUNT * 3) / 4, failed: 0 });

    const [{ scheduled }] = await t.dataSource.query(`SELECT count(*)::int AS scheduled FROM consultations WHERE status <> 'cancelled'`);
    expect(scheduled).toBe(0);
    const perChannel = await t.dataSource.query(
      `SELECT channel, count(*)::int AS rows, count(DISTINCT consultation_id)::int AS consultations,
              count(*) FILTER (WHERE status = 'sent')::int AS sent
         FROM notification_outbox WHERE event = 'cancelled' GROUP BY channel ORDER BY channel`,
    );
    expect(perChannel).toEqual([
      { channel: 'agent_email', rows: COUNT, consultations: COUNT, sent: COUNT },
      // Citizens with neither phone nor e-mail: on the list to call, never marked sent.
      { channel: 'call', rows: COUNT / 4, consultations: COUNT / 4, sent: 0 },
      { channel: 'email', rows: COUNT / 2, consultations: COUNT / 2, sent: COUNT / 2 },
      { channel: 'sms', rows: COUNT / 2, consultations: COUNT / 2, sent: COUNT / 2 },
    ]);
    // What left the building: one SMS per phone number, none twice, across both servers.
    expect(provider.received).toHaveLength(COUNT / 2);
    expect(new Set(provider.received.map((r) => r.to)).size).toBe(COUNT / 2);
    expect(new Set(provider.received.map((r) => r.ref)).size).toBe(COUNT / 2);
    const [sms] = await t.dataSource.query(`SELECT body FROM notification_outbox WHERE event = 'cancelled' AND channel = 'sms' AND consultation_id = $1`, [ids[0]]);
    // \p{L}, not \w: French day and month names carry accents (décembre, février, août).
    expect(sms.body).toMatch(/^Bonjour Usager 0, votre RDV du \p{L}+ \d+(er)? \p{L}+ \d{4} à \d+ h( \d\d)? à France Services de Pithiviers est annulé/u);

    const report = await coordinator.agent.get(`/api/mass-cancellations/${jobId}/report?pageSize=10`).expect(200);
    expect(report.body.toCall.total).toBe(COUNT / 4);
    expect(report.body.toCall.items[0]).toMatchObject({
      consultationId: ids[3],
      reason: 'no_contact',
      citizenName: 'Usager 3',
      phone: null,
      email: null,
      msapSiteName: 'France Services de Pithiviers',
      boothName: expect.any(String),
      when: expect.stringMatching(/ à \d+ h/),
    });
  }, 300_000);

  it('is taken over from an instance that died holding it once its lease ends', async () => {
    const extra = await insertCitizenConsultations(t.dataSource, { count: 50, boothId, agentUserEmail: AGENT, firstStart: new Date(to.getTime() + 86_400_000), contacts: 'phone' });
    const [{ id: jobId }] = await t.dataSource.query(
      `INSERT INTO mass_cancellation_jobs (departement, agent_id, range_from, range_to, message, total, lease_owner, lease_until)
       VALUES ('45', $1, now(), now() + interval '300 days', 'Annulé, {nom}.', 50, gen_random_uuid(), now() + interval '2 seconds') RETURNING id`,
      [agentId],
    );
    await t.dataSource.query(`INSERT INTO mass_cancellation_items (job_id, consultation_id) SELECT $1, unnest($2::uuid[])`, [jobId, extra]);
    t.app.get(MassCancellationRunner).wake();
    await new Promise((r) => setTimeout(r, 500));
    expect((await createdRows(db, jobId, t))[0].processed).toBe(0);
    const done = await until('the takeover', async () => {
      const res = await coordinator.agent.get(`/api/mass-cancellations/${jobId}`).expect(200);
      return res.body.state === 'completed' ? res.body : undefined;
    }, 30_000);
    expect(done).toMatchObject({ processed: 50, cancelled: 50 });
  }, 60_000);
});

async function createdRows(db: TestDatabase, jobId: string, t?: TestApp): Promise<Array<{ processed: number }>> {
  if (t) return t.dataSource.query('SELECT processed FROM mass_cancellation_jobs WHERE id = $1', [jobId]);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query('SELECT processed FROM mass_cancellation_jobs WHERE id = $1', [jobId])).rows;
  } finally {
    await client.end();
  }
}
