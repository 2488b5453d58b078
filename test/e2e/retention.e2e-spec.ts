import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ERASED_CITIZEN_NAME, RetentionRunResult, RetentionService } from '../../server/src/retention/retention.service';
import { startTestApp, TestApp } from '../support/app';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { demoIds } from '../support/demo-data';
import { signIn } from '../support/session';

const AGENT = 'agent@demo.visio-msap.fr';
const DAY_MS = 86_400_000;
const ago = (days: number, extraMinutes = 0) => new Date(Date.now() - days * DAY_MS - extraMinutes * 60_000);

// Small batches, so that every kind of row needs several statements.
const ENV = { RETENTION_ENABLED: 'false', RETENTION_BATCH_SIZE: '10', CITIZEN_DATA_RETENTION_DAYS: '90', OUTBOX_RETENTION_DAYS: '30', AUDIT_RETENTION_DAYS: '365' };

/** Counts a statistic would show: by status, administration, MSAP and booth; by outbox status and channel. */
async function statistics(ds: DataSource) {
  const consultations = await ds.query(
    `SELECT c.status, c.administration_id, b.msap_site_id, c.booth_id, count(*)::int AS n
       FROM consultations c JOIN booths b ON b.id = c.booth_id
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  );
  const outbox = await ds.query(`SELECT status, channel, event, count(*)::int AS n FROM notification_outbox GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  return { consultations, outbox };
}

/** Whole rows, to prove that what must be kept is byte for byte unchanged. */
const rowsOf = (ds: DataSource, table: string, ids: string[]) =>
  ds.query(`SELECT * FROM ${table} WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);

async function insertMessage(ds: DataSource, consultationId: string, o: { event: string; channel: string; status: string; at: Date }): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO notification_outbox (consultation_id, event, channel, recipient, subject, body, ics, departement, status, last_error,
                                      created_at, updated_at, sent_at)
     VALUES ($1, $2, $3, CASE $3 WHEN 'sms' THEN '+33612345678' WHEN 'call' THEN '+33238301234' ELSE 'usager@example.fr' END, 'Votre rendez-vous',
             'Bonjour Jeanne Martin, votre rendez-vous…', CASE WHEN $3 = 'agent_email' THEN 'BEGIN:VCALENDAR' END, '45', $4,
             CASE WHEN $4 = 'failed' THEN '550 usager@example.fr unknown' END, $5, $5, CASE WHEN $4 = 'sent' THEN $5::timestamptz END)
     RETURNING id`,
    [consultationId, o.event, o.channel, o.status, o.at.toISOString()],
  );
  return row.id as string;
}

/** Moves a consultation to last five minutes and end at `end`. */
const setEnd = (ds: DataSource, id: string, end: Date) =>
  ds.query(`UPDATE consultations SET starts_at = $2::timestamptz - interval '5 minutes', ends_at = $2 WHERE id = $1`, [id, end.toISOString()]);

describe('retention of personal data and logs', () => {
  let t: TestApp;
  let retention: RetentionService;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await startTestApp(ENV);
    retention = t.app.get(RetentionService);
    ids = await demoIds(t.dataSource);
  });
  afterAll(() => t.close());

  describe('a sweep over data on both sides of every limit', () => {
    const expired: string[] = [];
    const kept: string[] = [];
    const keptMessages: string[] = [];
    let erasedMessages: string[] = [];
    let upcoming: string;
    let first: RetentionRunResult | null;
    let before: Awaited<ReturnType<typeof statistics>>;
    let keptBefore: { consultations: unknown[]; outbox: unknown[] };

    beforeAll(async () => {
      const ds = t.dataSource;
      // 25 consultations over for 100 days (done, no-show, never closed), with their messages.
      const old = await insertCitizenConsultations(ds, { count: 25, boothId: ids.pithiviersBoothId, agentUserEmail: AGENT, firstStart: ago(100) });
      await ds.query(`UPDATE consultations SET status = 'done' WHERE id = ANY($1::uuid[])`, [old.slice(0, 10)]);
      await ds.query(`UPDATE consultations SET status = 'no_show' WHERE id = ANY($1::uuid[])`, [old.slice(10, 15)]);
      expired.push(...old);
      for (const id of old.slice(0, 12)) {
        erasedMessages.push(await insertMessage(ds, id, { event: 'booked', channel: 'sms', status: 'sent', at: ago(101) }));
        erasedMessages.push(await insertMessage(ds, id, { event: 'booked', channel: 'agent_email', status: 'failed', at: ago(101) }));
      }
      // Citizens with only a landline (to be called): the number and the calls made to it go too.
      await ds.query(`UPDATE consultations SET citizen_phone = NULL, citizen_email = NULL, citizen_landline = '+33238301234' WHERE id = ANY($1::uuid[])`, [old.slice(20)]);
      for (const id of old.slice(20, 22)) erasedMessages.push(await insertMessage(ds, id, { event: 'booked', channel: 'call', status: 'called', at: ago(101) }));
      erasedMessages.push(await insertMessage(ds, old[22]!, { event: 'booked', channel: 'call', status: 'to_call', at: ago(101) }));
      // The exact limit: ended 90 days and a minute ago is erased, 90 days less five minutes ago is not.
      const [justOut, justIn] = await insertCitizenConsultations(ds, { count: 2, boothId: ids.sullyBoothId, agentUserEmail: AGENT, firstStart: ago(95) });
      await setEnd(ds, justOut!, ago(90, 1));
      await setEnd(ds, justIn!, ago(90, -5));
      await ds.query(`UPDATE consultations SET citizen_landline = '+33238301234' WHERE id = ANY($1::uuid[])`, [[justOut, justIn]]);
      expired.push(justOut!);
      kept.push(justIn!);
      // Ended 89 days ago: inside the limit.
      kept.push(...(await insertCitizenConsultations(ds, { count: 5, boothId: ids.pithiviersBoothId, agentUserEmail: AGENT, firstStart: ago(89) })));
      // Cancelled 91 days ago for a slot next week: the cancellation is what counts. Cancelled 10 days ago: kept.
      const [cancelledLongAgo, cancelledRecently] = await insertCitizenConsultations(ds, {
        count: 2, boothId: ids.sullyBoothId, agentUserEmail: AGENT, firstStart: new Date(Date.now() + 7 * DAY_MS),
      });
      await ds.query(`UPDATE consultations SET status = 'cancelled', cancellation_cause = 'service', cancellation_reason = 'Mme Martin est hospitalisée', cancelled_at = $2 WHERE id = $1`, [cancelledLongAgo, ago(91)]);
      await ds.query(`UPDATE consultations SET status = 'cancelled', cancellation_cause = 'service', cancellation_reason = 'Empêchement', cancelled_at = $2 WHERE id = $1`, [cancelledRecently, ago(10)]);
      expired.push(cancelledLongAgo!);
      kept.push(cancelledRecently!);
      // Upcoming, booked 200 days ago, its confirmation sent 200 days ago: never touched.
      [upcoming] = await insertCitizenConsultations(ds, { count: 1, boothId: ids.pithiviersBoothId, agentUserEmail: AGENT, firstStart: new Date(Date.now() + 3 * DAY_MS) });
      await ds.query(`UPDATE consultations SET created_at = $2 WHERE id = $1`, [upcoming, ago(200)]);
      kept.push(upcoming!);
      keptMessages.push(await insertMessage(ds, upcoming!, { event: 'booked', channel: 'sms', status: 'sent', at: ago(200) }));
      // Over 40 days ago (citizen data kept): messages older than 30 days are blanked, a newer one and a pending one are not.
      const [recent] = await insertCitizenConsultations(ds, { count: 1, boothId: ids.sullyBoothId, agentUserEmail: AGENT, firstStart: ago(40) });
      kept.push(recent!);
      const oldMessages = [
        await insertMessage(ds, recent!, { event: 'booked', channel: 'email', status: 'sent', at: ago(45) }),
        await insertMessage(ds, recent!, { event: 'booked', channel: 'agent_email', status: 'failed', at: ago(31) }),
      ];
      erasedMessages = [...erasedMessages, ...oldMessages];
      keptMessages.push(await insertMessage(ds, recent!, { event: 'reminder_2d', channel: 'sms', status: 'sent', at: ago(29) }));
      keptMessages.push(await insertMessage(ds, recent!, { event: 'reminder_2d', channel: 'email', status: 'pending', at: ago(44) }));

      // Logs and credentials.
      const [admin] = await ds.query(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
      await ds.query(`INSERT INTO audit_events (at, action, ip) SELECT now() - make_interval(days => 366, mins => i), 'login.failed', '10.0.0.1' FROM generate_series(1, 23) i`);
      await ds.query(`INSERT INTO audit_events (at, action, ip) VALUES (now() - interval '364 days', 'login.failed', '10.0.0.2')`);
      await ds.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, revoked_at) VALUES
           ('expired', $1, 'x', now() - interval '1 minute', NULL), ('revoked', $1, 'x', now() + interval '1 hour', now()),
           ('live', $1, 'x', now() + interval '1 hour', NULL)`,
        [admin.id],
      );
      await ds.query(
        `INSERT INTO pairing_codes (booth_id, code_hash, created_by_id, expires_at) VALUES
           ($1, 'old', $2, now() - interval '2 days'), ($1, 'fresh', $2, now() - interval '1 hour')`,
        [ids.pithiviersBoothId, admin.id],
      );
      await ds.query(
        `INSERT INTO devices (booth_id, label, token_hash, csrf_token, expires_at, revoked_at) VALUES
           ($1, 'revoked long ago', 'd1', 'x', now() + interval '1 day', now() - interval '400 days'),
           ($1, 'expired long ago', 'd2', 'x', now() - interval '366 days', NULL),
           ($1, 'revoked lately', 'd3', 'x', now() + interval '1 day', now() - interval '10 days')`,
        [ids.pithiviersBoothId],
      );

      before = await statistics(ds);
      keptBefore = { consultations: await rowsOf(ds, 'consultations', kept), outbox: await rowsOf(ds, 'notification_outbox', keptMessages) };
      first = await retention.run();
    });

    it('erases exactly the personal fields past the limit, and says so in its figures', async () => {
      expect(first).toMatchObject({
        consultationsErased: expired.length,
        outboxErased: erasedMessages.length,
        auditEventsDeleted: 23,
        sessionsDeleted: 2,
        pairingCodesDeleted: 1,
        devicesDeleted: 2,
      });
      const rows = await t.dataSource.query(
        `SELECT citizen_name, citizen_phone, citizen_landline, citizen_email, cancellation_reason, citizen_erased_at IS NOT NULL AS erased
           FROM consultations WHERE id = ANY($1::uuid[])`,
        [expired],
      );
      expect(rows).toHaveLength(expired.length);
      for (const row of rows) {
        expect(row).toEqual({ citizen_name: ERASED_CITIZEN_NAME, citizen_phone: null, citizen_landline: null, citizen_email: null, cancellation_reason: null, erased: true });
      }
      const messages = await t.dataSource.query(
        `SELECT recipient, body, ics, last_error, subject, erased_at IS NOT NULL AS erased FROM notification_outbox WHERE id = ANY($1::uuid[])`,
        [erasedMessages],
      );
      expect(messages).toHaveLength(erasedMessages.length);
      for (const m of messages) expect(m).toEqual({ recipient: '', body: '', ics: null, last_error: null, subject: 'Votre rendez-vous', erased: true });
      const labels = await t.dataSource.query(`SELECT label FROM devices ORDER BY label`);
      expect(labels.map((d: { label: string }) => d.label)).not.toContain('revoked long ago');
      expect(labels.map((d: { label: string }) => d.label)).toContain('revoked lately');
      expect(await t.dataSource.query(`SELECT token_hash FROM sessions WHERE token_hash IN ('expired', 'revoked', 'live')`)).toEqual([{ token_hash: 'live' }]);
      expect(await t.dataSource.query(`SELECT code_hash FROM pairing_codes`)).toEqual([{ code_hash: 'fresh' }]);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE ip = '10.0.0.2'`)).toEqual([{ n: 1 }]);
    });

    it('leaves rows inside the limit, upcoming consultations and their messages untouched', async () => {
      expect(await rowsOf(t.dataSource, 'consultations', kept)).toEqual(keptBefore.consultations);
      expect(await rowsOf(t.dataSource, 'notification_outbox', keptMessages)).toEqual(keptBefore.outbox);
      // The landline of the one ended just inside the limit is still there.
      expect(await t.dataSource.query(`SELECT citizen_landline FROM consultations WHERE id = ANY($1::uuid[]) AND citizen_landline IS NOT NULL`, [kept])).toEqual([
        { citizen_landline: '+33238301234' },
      ]);
      const [u] = await t.dataSource.query(`SELECT citizen_name, citizen_erased_at FROM consultations WHERE id = $1`, [upcoming]);
      expect(u.citizen_name).toMatch(/^Usager \d+$/);
      expect(u.citizen_erased_at).toBeNull();
    });

    it('keeps every row: statistics by status, administration, MSAP and channel are unchanged', async () => {
      expect(await statistics(t.dataSource)).toEqual(before);
    });

    it('is idempotent: a second sweep finds nothing and changes nothing', async () => {
      const snapshot = await t.dataSource.query(`SELECT * FROM consultations ORDER BY id`);
      const second = await retention.run();
      expect(second).toMatchObject({ consultationsErased: 0, outboxErased: 0, auditEventsDeleted: 0, sessionsDeleted: 0, pairingCodesDeleted: 0, devicesDeleted: 0 });
      expect(await t.dataSource.query(`SELECT * FROM consultations ORDER BY id`)).toEqual(snapshot);
    });

    it('shows the policy and the runs to admins only', async () => {
      const admin = await signIn(t.baseUrl, 'admin');
      const res = await admin.agent.get('/api/retention').expect(200);
      expect(res.body.policy).toEqual({
        enabled: false,
        intervalMinutes: 60,
        batchSize: 10,
        citizenDataDays: 90,
        outboxDays: 30,
        auditDays: 365,
        devicesDays: 365,
        pairingCodesDays: 1,
        disabledAccountDays: 365,
        erasedCitizenName: ERASED_CITIZEN_NAME,
        erasedText: '(effacé)',
        erasedAccountName: 'Compte (effacé)',
      });
      // The last run found nothing; the one before is listed with what it erased, at Paris times.
      expect(res.body.lastRun).toMatchObject({ consultationsErased: 0, error: null });
      expect(res.body.recentRuns[0]).toMatchObject({ consultationsErased: expired.length, outboxErased: erasedMessages.length, devicesDeleted: 2 });
      expect(res.body.recentRuns[0].startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00$/);
      const coordinator = await signIn(t.baseUrl, 'coordinator');
      await coordinator.agent.get('/api/retention').expect(403);
      // The outbox still lists an erased message, saying when it was erased instead of whom it reached.
      const outbox = await admin.agent.get(`/api/notifications/outbox?consultationId=${expired[0]}&channel=sms`).expect(200);
      expect(outbox.body.items).toHaveLength(1);
      expect(outbox.body.items[0]).toMatchObject({ recipient: '', text: '', status: 'sent', erasedAt: expect.stringMatching(/^\d{4}-/) });
    });
  });

  describe('several instances', () => {
    it('one sweep at a time: while another holds the lock, a run skips its turn', async () => {
      const other = new Client({ connectionString: t.db.url });
      await other.connect();
      try {
        await other.query(`SELECT pg_advisory_lock(hashtext('visio-msap-retention'))`);
        expect(await retention.run()).toBeNull();
        await other.query(`SELECT pg_advisory_unlock(hashtext('visio-msap-retention'))`);
        expect(await retention.run()).not.toBeNull();
      } finally {
        await other.end();
      }
    });

    it('never waits for a row another transaction holds: it is erased at a later sweep', async () => {
      const due = await insertCitizenConsultations(t.dataSource, { count: 3, boothId: ids.pithiviersBoothId, agentUserEmail: AGENT, firstStart: ago(500) });
      const other = new Client({ connectionString: t.db.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT id FROM consultations WHERE id = $1 FOR UPDATE', [due[0]]);
        const sweep = await retention.run();
        expect(sweep?.consultationsErased).toBe(2);
        await other.query('COMMIT');
        expect((await retention.run())?.consultationsErased).toBe(1);
        const [left] = await t.dataSource.query(`SELECT count(*)::int AS n FROM consultations WHERE id = ANY($1::uuid[]) AND citizen_erased_at IS NULL`, [due]);
        expect(left.n).toBe(0);
      } finally {
        await other.end();
      }
    });

    it('two instances started on a backlog at once take turns (advisory lock): each row erased once, no deadlock', async () => {
      const second = await startTestApp(ENV, { database: t.db });
      try {
        const backlog = await insertCitizenConsultations(t.dataSource, {
          count: 2000, boothId: ids.sullyBoothId, agentUserEmail: AGENT, firstStart: ago(400), durationMinutes: 5,
        });
        await t.dataSource.query(
          `INSERT INTO notification_outbox (consultation_id, event, channel, recipient, body, departement, status, created_at, updated_at, sent_at)
           SELECT id, 'booked', 'sms', citizen_phone, 'Bonjour ' || citizen_name, '45', 'sent', starts_at - interval '10 days', starts_at - interval '10 days', starts_at - interval '10 days'
             FROM consultations WHERE id = ANY($1::uuid[]) AND citizen_phone IS NOT NULL`,
          [backlog],
        );
        const [{ messages }] = await t.dataSource.query(`SELECT count(*)::int AS messages FROM notification_outbox WHERE consultation_id = ANY($1::uuid[])`, [backlog]);
        const results = await Promise.all([retention.run(), second.app.get(RetentionService).run(), retention.run()]);
        const done = results.filter((r): r is RetentionRunResult => r !== null);
        expect(done.length).toBeGreaterThanOrEqual(1);
        expect(done.reduce((n, r) => n + r.consultationsErased, 0)).toBe(backlog.length);
        expect(done.reduce((n, r) => n + r.outboxErased, 0)).toBe(messages);
        const [left] = await t.dataSource.query(
          `SELECT count(*) FILTER (WHERE citizen_erased_at IS NULL)::int AS consultations,
                  (SELECT count(*)::int FROM notification_outbox WHERE consultation_id = ANY($1::uuid[]) AND erased_at IS NULL) AS messages
             FROM consultations WHERE id = ANY($1::uuid[])`,
          [backlog],
        );
        expect(left).toEqual({ consultations: 0, messages: 0 });
      } finally {
        await second.close();
      }
    });
  });
});
