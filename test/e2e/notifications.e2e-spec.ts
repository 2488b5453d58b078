import { DateTime } from 'luxon';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { PasswordService } from '../../server/src/auth/password.service';
import { OutboxDispatcher } from '../../server/src/notifications/dispatch/outbox-dispatcher.service';
import { OutboxService } from '../../server/src/notifications/outbox.service';
import { ReminderScanner } from '../../server/src/notifications/reminders/reminder-scanner.service';
import { startTestApp, TestApp } from '../support/app';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { demoIds } from '../support/demo-data';
import { ReceivedMail, startSmtpServer } from '../support/smtp';
import { signIn, signInAs } from '../support/session';

const AGENT = 'agent@demo.visio-msap.fr';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

interface OutboxRow {
  id: string;
  consultation_id: string;
  event: string;
  revision: number;
  channel: string;
  status: string;
  attempts: number;
  body: string;
  ics: string | null;
  transport: string | null;
  provider_message_id: string | null;
  last_error: string | null;
}

const outbox = (t: TestApp): Promise<OutboxRow[]> =>
  t.dataSource.query('SELECT * FROM notification_outbox ORDER BY consultation_id, event, revision, channel');

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('notification outbox', () => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp({ NOTIFICATIONS_ENABLED: 'false' });
    const { pithiviersBoothId } = await demoIds(t.dataSource);
    // i % 4: 0 phone, 1 e-mail, 2 both, 3 neither
    ids = await insertCitizenConsultations(t.dataSource, { count: 4, boothId: pithiviersBoothId, agentUserEmail: AGENT, firstStart: inDays(5) });
  });
  afterAll(() => t.close());

  const enqueue = (event: 'booked' | 'rescheduled' | 'cancelled', consultationIds = ids, message?: string) =>
    t.dataSource.transaction((tx) => t.app.get(OutboxService).enqueue(tx, { consultationIds, event, ...(message ? { message } : {}) }));

  it('writes one row per (consultation, event, channel) for the contacts each citizen has, once', async () => {
    await enqueue('booked');
    await enqueue('booked');
    await enqueue('booked', [ids[0]!, ids[0]!]);
    const rows = await outbox(t);
    const channelsOf = (id: string) => rows.filter((r) => r.consultation_id === id).map((r) => r.channel).sort();
    expect(channelsOf(ids[0]!)).toEqual(['agent_email', 'sms']);
    expect(channelsOf(ids[1]!)).toEqual(['agent_email', 'email']);
    expect(channelsOf(ids[2]!)).toEqual(['agent_email', 'email', 'sms']);
    // Neither phone nor e-mail: a call to make (the list "À appeler"), never a message marked sent.
    expect(channelsOf(ids[3]!)).toEqual(['agent_email', 'call']);
    expect(rows.every((r) => r.event === 'booked' && r.revision === 0 && r.status === (r.channel === 'call' ? 'to_call' : 'pending'))).toBe(true);
    const sms = rows.find((r) => r.consultation_id === ids[0] && r.channel === 'sms')!;
    expect(sms.body).toMatch(/^Bonjour Usager 0, RDV visio DDFIP du Loiret le \w+ \d/);
  });

  it('refuses a second row with the same key at the database level', async () => {
    const [row] = await outbox(t);
    await expect(
      t.dataSource.query(
        `INSERT INTO notification_outbox (consultation_id, event, revision, channel, recipient, body, departement)
         VALUES ($1, $2, $3, $4, 'x', 'x', '45')`,
        [row!.consultation_id, row!.event, row!.revision, row!.channel],
      ),
    ).rejects.toThrow(/notification_outbox_once/);
  });

  it('announces each move once, with a growing ICS sequence, and a cancellation once', async () => {
    await enqueue('rescheduled', [ids[0]!]);
    await enqueue('rescheduled', [ids[0]!]);
    await enqueue('cancelled', [ids[0]!], 'Bonjour {nom}, annulé : agent absent.');
    await enqueue('cancelled', [ids[0]!], 'Bonjour {nom}, annulé : agent absent.');
    const rows = (await outbox(t)).filter((r) => r.consultation_id === ids[0]);
    const key = (r: OutboxRow) => `${r.event}/${r.revision}/${r.channel}`;
    expect(rows.map(key).sort()).toEqual(
      ['booked/0/agent_email', 'booked/0/sms', 'cancelled/0/agent_email', 'cancelled/0/sms', 'rescheduled/1/agent_email', 'rescheduled/1/sms', 'rescheduled/2/agent_email', 'rescheduled/2/sms'].sort(),
    );
    const ics = (event: string, revision: number) => rows.find((r) => r.event === event && r.revision === revision && r.channel === 'agent_email')!.ics!;
    expect(ics('booked', 0)).toContain('METHOD:REQUEST\r\n');
    expect(ics('booked', 0)).toContain('SEQUENCE:0\r\n');
    expect(ics('rescheduled', 2)).toContain('SEQUENCE:2\r\n');
    expect(ics('cancelled', 0)).toContain('METHOD:CANCEL\r\n');
    expect(ics('cancelled', 0)).toContain('SEQUENCE:3\r\n');
    expect(ics('cancelled', 0)).toContain(`UID:consultation-${ids[0]}@visio-msap\r\n`);
    expect(rows.find((r) => r.event === 'cancelled' && r.channel === 'sms')!.body).toBe('Bonjour Usager 0, annulé : agent absent.');
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const before = (await outbox(t)).length;
    await expect(
      t.dataSource.transaction(async (tx) => {
        await t.app.get(OutboxService).enqueue(tx, { consultationIds: [ids[1]!], event: 'rescheduled' });
        throw new Error('booking failed');
      }),
    ).rejects.toThrow('booking failed');
    expect((await outbox(t)).length).toBe(before);
    const [seq] = await t.dataSource.query('SELECT count(*)::int AS n FROM consultation_notification_sequences WHERE consultation_id = $1', [ids[1]]);
    expect(seq.n).toBe(0);
  });

  it('delivers to the local outbox when no provider is configured, and re-claims rows of a dead process', async () => {
    // A process claimed these rows and died: their lease ended a minute ago.
    await t.dataSource.query(
      `UPDATE notification_outbox SET status = 'sending', attempts = 1, claim_token = gen_random_uuid(), next_attempt_at = now() - interval '1 minute'
        WHERE consultation_id = $1`,
      [ids[1]],
    );
    await t.app.get(OutboxDispatcher).drain();
    const rows = await outbox(t);
    expect(rows.filter((r) => r.channel !== 'call').every((r) => r.status === 'sent' && r.transport === 'local')).toBe(true);
    // The calls are left for staff: nothing was sent to anyone.
    expect(rows.filter((r) => r.channel === 'call').map((r) => [r.status, r.transport])).toEqual([['to_call', null]]);
    expect(rows.filter((r) => r.consultation_id === ids[1]).map((r) => r.attempts)).toEqual([2, 2]);
  });
});

interface SmsRequest {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: { to: string; from: string; text: string; clientReference: string; encoding: string; segments: number };
}

/** A real HTTP server playing the SMS provider; `answer` decides the status of each request. */
async function smsProvider(answer: (req: SmsRequest, n: number) => number): Promise<{ server: Server; url: string; requests: SmsRequest[] }> {
  const requests: SmsRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const entry: SmsRequest = {
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        authorization: req.headers.authorization,
        body: JSON.parse(raw),
      };
      requests.push(entry);
      const status = answer(entry, requests.filter((r) => r.body.clientReference === entry.body.clientReference).length);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { id: `prov-${requests.length}` } : { error: 'try later' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, requests };
}

describe('outbox dispatcher with an SMS provider over HTTP', () => {
  let t: TestApp;
  let provider: Awaited<ReturnType<typeof smsProvider>>;
  let boothId: string;

  beforeAll(async () => {
    // Fails twice for every message, then accepts; a number ending in 99 is refused outright.
    provider = await smsProvider((req, n) => (req.body.to.endsWith('99') ? 400 : n <= 2 ? 503 : 200));
    t = await startTestApp({
      SMS_PROVIDER_URL: provider.url,
      SMS_PROVIDER_TOKEN: 'secret-token',
      SMS_SENDER: 'Prefecture',
      NOTIFICATIONS_INTERVAL_MS: '50',
      NOTIFICATIONS_RETRY_BASE_MS: '100',
      NOTIFICATIONS_MAX_ATTEMPTS: '4',
    });
    boothId = (await demoIds(t.dataSource)).pithiviersBoothId;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => provider.server.close(r));
  });

  it('retries with backoff and delivers exactly once, with the row id as idempotency key', async () => {
    const [id] = await insertCitizenConsultations(t.dataSource, { count: 1, boothId, agentUserEmail: AGENT, firstStart: inDays(3), contacts: 'phone' });
    await t.dataSource.transaction((tx) => t.app.get(OutboxService).enqueue(tx, { consultationIds: [id!], event: 'booked' }));
    // The background worker, started with the application, does the work.
    const row = await until('the SMS to be sent', async () => {
      const [r]: OutboxRow[] = await t.dataSource.query(`SELECT * FROM notification_outbox WHERE consultation_id = $1 AND channel = 'sms'`, [id]);
      return r?.status === 'sent' ? r : undefined;
    });
    const mine = provider.requests.filter((r) => r.body.clientReference === row.id);
    expect(mine).toHaveLength(3);
    expect(mine.every((r) => r.idempotencyKey === row.id && r.authorization === 'Bearer secret-token' && r.body.from === 'Prefecture')).toBe(true);
    expect(mine[0]!.body).toMatchObject({ to: '+33610000000', encoding: 'GSM-7', segments: row.body.length > 160 ? 2 : 1 });
    expect(row).toMatchObject({ attempts: 3, transport: 'sms_http', last_error: null });
    expect(row.provider_message_id).toMatch(/^prov-\d+$/);
    // No SMTP here: the agent's invitation goes to the local outbox, in the same rounds.
    const others: OutboxRow[] = await t.dataSource.query(`SELECT * FROM notification_outbox WHERE consultation_id = $1 AND channel <> 'sms'`, [id]);
    expect(others.map((r) => [r.channel, r.status, r.transport, r.attempts])).toEqual([['agent_email', 'sent', 'local', 1]]);
    // Nothing else goes out for it afterwards.
    await new Promise((r) => setTimeout(r, 400));
    expect(provider.requests.filter((r) => r.body.clientReference === row.id)).toHaveLength(3);
    // The citizen got their personal link; the Messages page no longer shows it (staff act as themselves).
    const link = /\/rdv\/([A-Za-z0-9_-]{22})/.exec(mine[0]!.body.text);
    expect(link).not.toBeNull();
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const listed = (await coordinator.agent.get('/api/notifications/outbox').query({ consultationId: id, channel: 'sms' }).expect(200)).body.items as Array<{ text: string }>;
    expect(listed[0]!.text).toContain('/rdv/…');
    expect(listed[0]!.text).not.toContain(link![1]);
  });

  it('gives up at once on a refusal (4xx) and after the maximum attempts on repeated failures', async () => {
    const refused = await insertCitizenConsultations(t.dataSource, { count: 100, boothId, agentUserEmail: AGENT, firstStart: inDays(10), contacts: 'phone' });
    // +33610000099 is refused by the provider.
    await t.dataSource.transaction((tx) => t.app.get(OutboxService).enqueue(tx, { consultationIds: [refused[99]!], event: 'booked' }));
    const row = await until('the refusal to be recorded', async () => {
      const [r]: OutboxRow[] = await t.dataSource.query(`SELECT * FROM notification_outbox WHERE consultation_id = $1 AND channel = 'sms'`, [refused[99]]);
      return r?.status === 'failed' ? r : undefined;
    });
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('400');

    await provider.server.close();
    provider.server.closeAllConnections();
    await t.dataSource.transaction((tx) => t.app.get(OutboxService).enqueue(tx, { consultationIds: [refused[0]!], event: 'booked' }));
    const unreachable = await until('the attempts to run out', async () => {
      const [r]: OutboxRow[] = await t.dataSource.query(`SELECT * FROM notification_outbox WHERE consultation_id = $1 AND channel = 'sms'`, [refused[0]]);
      return r?.status === 'failed' ? r : undefined;
    });
    expect(unreachable.attempts).toBe(4);
    expect(unreachable.last_error).toContain('unreachable');
  });
});

describe('outbox dispatcher over SMTP', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let received: ReceivedMail[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    received = smtp.received;
    t = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Visio MSAP <noreply@visio.test>', NOTIFICATIONS_ENABLED: 'false', PUBLIC_URL: 'https://visio.test' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends the agent an ICS invitation, then a cancellation of the same entry', async () => {
    const { pithiviersBoothId } = await demoIds(t.dataSource);
    const [id] = await insertCitizenConsultations(t.dataSource, { count: 1, boothId: pithiviersBoothId, agentUserEmail: AGENT, firstStart: inDays(4), contacts: 'email' });
    const outboxService = t.app.get(OutboxService);
    await t.dataSource.transaction((tx) => outboxService.enqueue(tx, { consultationIds: [id!], event: 'booked' }));
    await t.app.get(OutboxDispatcher).drain();
    await t.dataSource.transaction((tx) => outboxService.enqueue(tx, { consultationIds: [id!], event: 'cancelled' }));
    await t.app.get(OutboxDispatcher).drain();

    const rows = await outbox(t);
    expect(rows.every((r) => r.status === 'sent' && r.transport === 'smtp')).toBe(true);
    const toAgent = received.filter((m) => m.to === AGENT);
    const toCitizen = received.filter((m) => m.to === 'usager0@example.fr');
    expect(toAgent).toHaveLength(2);
    expect(toCitizen).toHaveLength(2);
    const [invite, cancel] = toAgent.map((m) => m.raw);
    const booked = rows.find((r) => r.event === 'booked' && r.channel === 'agent_email')!;
    expect(invite).toContain(`Message-ID: <${booked.id}@visio-msap>`);
    expect(invite).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(cancel).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    // The calendar part travels base64- or QP-encoded; the row holds what was attached.
    expect(booked.ics).toContain(`UID:consultation-${id}@visio-msap`);
    // The same entry as the agent's calendar feed: the call's link, the citizen by initials only.
    expect(booked.ics).toContain(`URL:https://visio.test/consultation/${id}`);
    expect(booked.ics).toContain('(U. 0.)');
    expect(booked.ics).not.toContain('Usager 0');
  });
});

describe('booking → outbox, the outbox API, reminders and the ICS feed', () => {
  let t: TestApp;
  let boothId: string;

  beforeAll(async () => {
    t = await startTestApp({ NOTIFICATIONS_ENABLED: 'false', REMINDER_OFFSETS: '2d,2h', LOGIN_RATE_LIMIT: '1000' });
    boothId = (await demoIds(t.dataSource)).pithiviersBoothId;
  });
  afterAll(() => t.close());

  it('books, moves and cancels through the scheduling API, each writing its messages in the same transaction', async () => {
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const [agent] = await t.dataSource.query(`SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1`, [AGENT]);
    const [type] = await t.dataSource.query(`SELECT id FROM consultation_types WHERE subject LIKE 'Taxe foncière%'`);
    // A Tuesday three weeks ahead, 10:00 and then 14:00 in Paris: inside the demo hours.
    const tuesday = DateTime.now().setZone('Europe/Paris').plus({ weeks: 3 }).set({ weekday: 2, hour: 10, minute: 0, second: 0, millisecond: 0 });
    const booked = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId, agentId: agent.id, consultationTypeId: type.id, startsAt: tuesday.toISO(), citizen: { name: 'Jeanne Martin', phone: '06 12 34 56 78' } })
      .expect(201);
    const id = booked.body.id as string;
    await coordinator.agent.patch(`/api/consultations/${id}`).set('X-CSRF-Token', coordinator.csrf).send({ startsAt: tuesday.set({ hour: 14 }).toISO() }).expect(200);
    await coordinator.agent.post(`/api/consultations/${id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'agent en formation' }).expect(200);

    const rows: OutboxRow[] = await t.dataSource.query('SELECT * FROM notification_outbox WHERE consultation_id = $1 ORDER BY created_at', [id]);
    expect(rows.map((r) => `${r.event}/${r.revision}/${r.channel}`)).toEqual(
      expect.arrayContaining(['booked/0/sms', 'booked/0/agent_email', 'rescheduled/1/sms', 'rescheduled/1/agent_email', 'cancelled/0/sms', 'cancelled/0/agent_email']),
    );
    expect(rows).toHaveLength(6);
    const sms = (event: string) => rows.find((r) => r.event === event && r.channel === 'sms')!.body;
    expect(sms('booked')).toContain(`le ${tuesday.setLocale('fr').toFormat('cccc d LLLL yyyy')} à 10 h à France Services de Pithiviers`);
    expect(sms('rescheduled')).toContain('à 14 h à France Services de Pithiviers');
    expect(sms('cancelled')).toContain('Motif : agent en formation');
    expect(rows.find((r) => r.event === 'booked')!).toMatchObject({ status: 'pending' });
  });

  it('on a reassignment, invites the new agent and cancels the entry in the previous agent\'s calendar, without bothering the citizen', async () => {
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const [agent] = await t.dataSource.query(`SELECT a.id, a.administration_id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1`, [AGENT]);
    const [user] = await t.dataSource.query(
      `INSERT INTO users (email, display_name, role) VALUES ('agent2@example.fr', 'Bérénice Deux', 'agent') RETURNING id`,
    );
    const [colleague] = await t.dataSource.query(`INSERT INTO agents (user_id, administration_id) VALUES ($1, $2) RETURNING id`, [user.id, agent.administration_id]);
    await t.dataSource.query(
      `INSERT INTO agent_availabilities (agent_id, weekday, start_minute, end_minute)
       SELECT $1, weekday, start_minute, end_minute FROM agent_availabilities WHERE agent_id = $2`,
      [colleague.id, agent.id],
    );
    const [type] = await t.dataSource.query(`SELECT id FROM consultation_types WHERE subject LIKE 'Taxe foncière%'`);
    const wednesday = DateTime.now().setZone('Europe/Paris').plus({ weeks: 3 }).set({ weekday: 3, hour: 10, minute: 0, second: 0, millisecond: 0 });
    const booked = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId, agentId: agent.id, consultationTypeId: type.id, startsAt: wednesday.toISO(), citizen: { name: 'Paul Durand', email: 'paul@example.fr' } })
      .expect(201);
    const id = booked.body.id as string;
    await coordinator.agent.post(`/api/consultations/${id}/reassign`).set('X-CSRF-Token', coordinator.csrf).send({ agentId: colleague.id }).expect(200);
    const rows: OutboxRow[] = await t.dataSource.query('SELECT * FROM notification_outbox WHERE consultation_id = $1 ORDER BY created_at, event', [id]);
    const summary = rows.map((r) => [r.event, r.revision, r.channel, (r as unknown as { recipient: string }).recipient]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['booked', 0, 'email', 'paul@example.fr'],
        ['booked', 0, 'agent_email', AGENT],
        ['reassigned', 1, 'agent_email', 'agent2@example.fr'],
        ['unassigned', 1, 'agent_email', AGENT],
      ]),
    );
    expect(rows).toHaveLength(4);
    const ics = (event: string) => rows.find((r) => r.event === event)!.ics!;
    expect(ics('reassigned')).toMatch(/METHOD:REQUEST\r\n[\s\S]*SEQUENCE:1\r\n/);
    expect(ics('unassigned')).toMatch(/METHOD:CANCEL\r\n[\s\S]*SEQUENCE:1\r\n/);
    expect(ics('unassigned')).toContain(`UID:consultation-${id}@visio-msap`);

    // A move that also hands it back: the citizen hears of the new time, the colleague loses the entry.
    await coordinator.agent
      .patch(`/api/consultations/${id}`)
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ startsAt: wednesday.set({ hour: 11 }).toISO(), agentId: agent.id })
      .expect(200);
    const moved: Array<{ event: string; revision: number; channel: string; recipient: string }> = await t.dataSource.query(
      `SELECT event, revision, channel, recipient FROM notification_outbox WHERE consultation_id = $1 AND revision = 2 ORDER BY event, channel`,
      [id],
    );
    expect(moved).toEqual([
      { event: 'rescheduled', revision: 2, channel: 'agent_email', recipient: AGENT },
      { event: 'rescheduled', revision: 2, channel: 'email', recipient: 'paul@example.fr' },
      { event: 'unassigned', revision: 2, channel: 'agent_email', recipient: 'agent2@example.fr' },
    ]);
    // Put the consultation back out of the way of the next tests' counts.
    await coordinator.agent.post(`/api/consultations/${id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'test' }).expect(200);
    await t.dataSource.query('DELETE FROM notification_outbox WHERE consultation_id = $1', [id]);
  });

  it('lists the outbox to coordinators of the département and admins, with what was sent and how', async () => {
    await t.app.get(OutboxDispatcher).drain();
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const all = await coordinator.agent.get('/api/notifications/outbox').expect(200);
    expect(all.body.total).toBe(6);
    const sms = await coordinator.agent.get('/api/notifications/outbox?channel=sms&event=booked').expect(200);
    expect(sms.body.items).toHaveLength(1);
    expect(sms.body.items[0]).toMatchObject({
      channel: 'sms',
      event: 'booked',
      transport: 'local',
      status: 'sent',
      recipient: '+33612345678',
      attempts: 1,
      hasCalendarInvite: false,
      sms: { encoding: 'GSM-7', segments: expect.any(Number) },
      consultation: { citizenName: 'Jeanne Martin', msapSiteName: 'France Services de Pithiviers', boothName: expect.any(String) },
    });
    expect(sms.body.items[0].text).toMatch(/^Bonjour Jeanne Martin, RDV visio DDFIP du Loiret/);
    const paged = await coordinator.agent.get('/api/notifications/outbox?pageSize=2&page=3').expect(200);
    expect(paged.body).toMatchObject({ total: 6, page: 3, pageSize: 2 });
    expect(paged.body.items).toHaveLength(2);

    const admin = await signIn(t.baseUrl, 'admin');
    expect((await admin.agent.get('/api/notifications/outbox').expect(200)).body.total).toBe(6);
    for (const role of ['agent', 'facilitator'] as const) {
      await (await signIn(t.baseUrl, role)).agent.get('/api/notifications/outbox').expect(403);
    }
    // A coordinator of another département sees none of it.
    const hash = await t.app.get(PasswordService).hash('coord-18-password');
    await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, role, departement) VALUES ('coord18@example.fr', 'Coord Cher', $1, 'coordinator', '18')`,
      [hash],
    );
    const other = await signInAs(t.baseUrl, 'coord18@example.fr', 'coord-18-password');
    expect((await other.agent.get('/api/notifications/outbox').expect(200)).body.total).toBe(0);
    await coordinator.agent.get('/api/notifications/outbox?pageSize=0').expect(422);
    await coordinator.agent.get('/api/notifications/outbox?status=lost').expect(422);
  });

  it('enqueues each reminder exactly once, only when the booking predates the reminder time, never for cancelled ones', async () => {
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
    const ids = await insertCitizenConsultations(t.dataSource, { count: 5, boothId, agentUserEmail: AGENT, firstStart: hours(100), contacts: 'phone' });
    // [starts in, booked hours ago, status]
    const cases: Array<[number, number, string]> = [
      [36, 72, 'scheduled'], // inside J-2, booked before it opened → reminder_2d
      [40, 1, 'scheduled'], // booked after J-2 opened → none
      [30, 72, 'cancelled'], // cancelled → none
      [1, 72, 'scheduled'], // inside H-2 (J-2 missed): only reminder_2h
      [60, 72, 'scheduled'], // not yet in any window
    ];
    for (const [i, [startsIn, bookedAgo, status]] of cases.entries()) {
      await t.dataSource.query(
        `UPDATE consultations SET starts_at = $2, ends_at = $2::timestamptz + interval '20 minutes', created_at = $3, status = $4,
           cancellation_cause = CASE WHEN $4::consultation_status = 'cancelled' THEN 'service'::cancellation_cause END WHERE id = $1`,
        [ids[i], hours(startsIn + i * 0.01), hours(-bookedAgo), status],
      );
    }
    const scanner = t.app.get(ReminderScanner);
    expect(await scanner.scan()).toBe(2);
    expect(await scanner.scan()).toBe(0);
    const rows: OutboxRow[] = await t.dataSource.query(
      `SELECT * FROM notification_outbox WHERE consultation_id = ANY($1) ORDER BY event`,
      [ids],
    );
    expect(rows.map((r) => [ids.indexOf(r.consultation_id), r.event, r.channel])).toEqual([
      [0, 'reminder_2d', 'sms'],
      [3, 'reminder_2h', 'sms'],
    ]);
    expect(rows[0]!.body).toMatch(/^Rappel : Usager 0, RDV visio/);
    // Each reminder carries a personal link of its own (only hashes are kept: a fresh token), which opens the appointment.
    const tokens = rows.map((r) => /Annuler ou demander un rappel : \S+\/rdv\/([A-Za-z0-9_-]{22}) \(lien personnel\)/.exec(r.body)?.[1]);
    expect(tokens.every(Boolean)).toBe(true);
    expect(new Set(tokens).size).toBe(2);
    const opened = await request(t.baseUrl).get(`/api/citizen/appointments/${tokens[0]}`).expect(200);
    expect(opened.body).toMatchObject({ state: 'upcoming', startsAt: expect.any(String) });
    const links: Array<{ consultation_id: string; purpose: string }> = await t.dataSource.query(
      `SELECT consultation_id, purpose FROM citizen_links WHERE consultation_id = ANY($1)`,
      [ids],
    );
    expect(links.map((l) => [ids.indexOf(l.consultation_id), l.purpose]).sort()).toEqual([
      [0, 'booking'],
      [3, 'booking'],
    ]);
  });

  it('gives agents a revocable, token-protected ICS feed of their agenda', async () => {
    const agent = await signIn(t.baseUrl, 'agent');
    const status = async () => (await agent.agent.get('/api/notifications/ics-feed').expect(200)).body;
    expect(await status()).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    const created = await agent.agent.post('/api/notifications/ics-feed').set('X-CSRF-Token', agent.csrf).expect(201);
    const url = new URL(created.body.url as string);
    expect(url.pathname).toMatch(/^\/api\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+0[12]:00$/);
    // Afterwards the agent sees that a feed is live and since when, never its URL (only a hash is kept).
    const live = await status();
    expect(live).toEqual({ active: true, createdAt: created.body.createdAt, lastUsedAt: null });
    expect(JSON.stringify(live)).not.toContain(url.pathname.slice('/api/ics/'.length, -'.ics'.length));
    const feed = await request(t.baseUrl).get(url.pathname).expect(200);
    const read = await status();
    expect(read.lastUsedAt).toMatch(/\+0[12]:00$/);
    expect(new Date(read.lastUsedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.body.createdAt).getTime());
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM consultations c JOIN agents a ON a.id = c.agent_id JOIN users u ON u.id = a.user_id
        WHERE u.email = $1 AND c.status <> 'cancelled' AND c.starts_at > now() - interval '30 days'`,
      [AGENT],
    );
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(n);
    // The token is stored hashed, never as is.
    const [stored] = await t.dataSource.query('SELECT token_hash FROM ics_feed_tokens');
    expect(url.pathname).not.toContain(stored.token_hash);

    const rotated = await agent.agent.post('/api/notifications/ics-feed').set('X-CSRF-Token', agent.csrf).expect(201);
    await request(t.baseUrl).get(url.pathname).expect(404);
    // A new URL: new creation time, not read yet.
    expect(await status()).toEqual({ active: true, createdAt: rotated.body.createdAt, lastUsedAt: null });
    const rotatedPath = new URL(rotated.body.url as string).pathname;
    await request(t.baseUrl).get(rotatedPath).expect(200);
    await agent.agent.delete('/api/notifications/ics-feed').set('X-CSRF-Token', agent.csrf).expect(204);
    await request(t.baseUrl).get(rotatedPath).expect(404);
    expect(await status()).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    await request(t.baseUrl).get('/api/ics/not-a-token.ics').expect(404);
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    await coordinator.agent.post('/api/notifications/ics-feed').set('X-CSRF-Token', coordinator.csrf).expect(403);
    await coordinator.agent.get('/api/notifications/ics-feed').expect(403);
    await request(t.baseUrl).get('/api/notifications/ics-feed').expect(401);
  });
});

describe('two instances sharing one outbox', () => {
  let first: TestApp;
  let second: TestApp;
  let provider: Awaited<ReturnType<typeof smsProvider>>;

  beforeAll(async () => {
    provider = await smsProvider(() => 200);
    const env = { SMS_PROVIDER_URL: provider.url, NOTIFICATIONS_ENABLED: 'false', NOTIFICATIONS_BATCH_SIZE: '50' };
    first = await startTestApp(env);
    second = await startTestApp(env, { database: first.db });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
    await new Promise((r) => provider.server.close(r));
  });

  it('split the work (FOR UPDATE SKIP LOCKED) and send each message once', async () => {
    const { pithiviersBoothId } = await demoIds(first.dataSource);
    const ids = await insertCitizenConsultations(first.dataSource, { count: 1000, boothId: pithiviersBoothId, agentUserEmail: AGENT, firstStart: inDays(2), contacts: 'phone' });
    await first.dataSource.transaction((tx) => first.app.get(OutboxService).enqueue(tx, { consultationIds: ids, event: 'booked' }));
    const [a, b] = await Promise.all([first.app.get(OutboxDispatcher).drain(), second.app.get(OutboxDispatcher).drain()]);
    // 1000 SMS and 1000 agent e-mails (local), split between the two.
    expect(a + b).toBe(2000);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(provider.requests).toHaveLength(1000);
    expect(new Set(provider.requests.map((r) => r.body.clientReference)).size).toBe(1000);
    const [{ n }] = await first.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE status = 'sent' AND attempts = 1`);
    expect(n).toBe(2000);
  });
});
