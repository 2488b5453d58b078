import request from 'supertest';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../server/src/auth/password.service';
import {
  ERASED_ACCOUNT_NAME,
  ERASED_TEXT,
  erasedAccountEmail,
  RetentionRunResult,
  RetentionService,
} from '../../server/src/retention/retention.service';
import { startTestApp, TestApp } from '../support/app';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { demoIds } from '../support/demo-data';
import { signIn } from '../support/session';

const DAY_MS = 86_400_000;
const ago = (days: number, extraMinutes = 0) => new Date(Date.now() - days * DAY_MS - extraMinutes * 60_000);
const ENV = {
  RETENTION_ENABLED: 'false',
  RETENTION_BATCH_SIZE: '10',
  CITIZEN_DATA_RETENTION_DAYS: '90',
  OUTBOX_RETENTION_DAYS: '30',
  RETENTION_DISABLED_ACCOUNT_DAYS: '365',
};
const FORMER_PASSWORD = 'ancien-mot-de-passe-2026';

/**
 * Inserts `count` unavailabilities back to back ending at `end`, `minutes` long each (an hour by
 * default), with `reason`. An agent's absences may not overlap (agent_absences_no_overlap).
 */
async function insertUnavailabilities(ds: DataSource, table: 'agent_absences' | 'msap_closures', owner: string, o: { count: number; end: Date; reason: string; minutes?: number }) {
  const column = table === 'agent_absences' ? 'agent_id' : 'msap_site_id';
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO ${table} (${column}, starts_at, ends_at, reason, created_at)
     SELECT $1, $2::timestamptz - make_interval(mins => (i + 1) * $5), $2::timestamptz - make_interval(mins => i * $5), $3, $2::timestamptz - interval '30 days'
       FROM generate_series(0, $4 - 1) i RETURNING id`,
    [owner, o.end.toISOString(), o.reason, o.count, o.minutes ?? 60],
  );
  return rows.map((r) => r.id);
}

async function insertJob(ds: DataSource, administrationId: string, o: { finishedAt: Date | null; message: string }): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO mass_cancellation_jobs (departement, administration_id, range_from, range_to, message, state, total, processed, cancelled,
                                         skipped, no_contact, created_at, finished_at)
     VALUES ('45', $1, now() - interval '400 days', now() - interval '399 days', $2, $3, 40, $4, 37, 3, 5, now() - interval '400 days', $5)
     RETURNING id`,
    [administrationId, o.message, o.finishedAt ? 'completed' : 'running', o.finishedAt ? 40 : 12, o.finishedAt?.toISOString() ?? null],
  );
  return row.id as string;
}

/** Every column but those named, for the rows given: what statistics and schedules read. */
async function rowsWithout(ds: DataSource, table: string, ids: string[], erased: string[]) {
  const rows: Array<Record<string, unknown>> = await ds.query(`SELECT * FROM ${table} WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !erased.includes(k))));
}

/** What statistics read of a consultation (its citizen data are erased on their own schedule). */
const consultationsOf = (ds: DataSource, ids: string[]) =>
  ds.query(`SELECT id, agent_id, administration_id, booth_id, status, starts_at, ends_at FROM consultations WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);

const rowsOf = (ds: DataSource, table: string, ids: string[]) => ds.query(`SELECT * FROM ${table} WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);

describe('retention of free-text reasons and of long-disabled accounts', () => {
  let t: TestApp;
  let retention: RetentionService;
  let first: RetentionRunResult | null;
  const erased = { absences: [] as string[], closures: [] as string[], jobs: [] as string[] };
  const kept = { absences: [] as string[], closures: [] as string[], jobs: [] as string[], users: [] as string[] };
  let keptBefore: Record<string, unknown[]>;
  let erasedBefore: Record<string, unknown[]>;
  let formerAgent: { userId: string; agentId: string; email: string; consultations: string[] };

  beforeAll(async () => {
    t = await startTestApp(ENV);
    retention = t.app.get(RetentionService);
    const ds = t.dataSource;
    const ids = await demoIds(ds);
    const [agent] = await ds.query(
      `SELECT a.id, a.administration_id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = 'agent@demo.visio-msap.fr'`,
    );

    // Absences: 12 ended 91 days ago (more than a batch), one 90 days and a minute ago; kept: one 90 days less
    // five minutes ago, 89 days ago, one under way; an old one without a reason has nothing to erase.
    erased.absences.push(...(await insertUnavailabilities(ds, 'agent_absences', agent.id, { count: 12, end: ago(91), reason: 'Congé maladie (opération du genou)' })));
    // Four minutes each: the two around the limit do not overlap.
    erased.absences.push(...(await insertUnavailabilities(ds, 'agent_absences', agent.id, { count: 1, end: ago(90, 1), reason: 'Formation', minutes: 4 })));
    kept.absences.push(...(await insertUnavailabilities(ds, 'agent_absences', agent.id, { count: 1, end: ago(90, -5), reason: 'Formation', minutes: 4 })));
    kept.absences.push(...(await insertUnavailabilities(ds, 'agent_absences', agent.id, { count: 2, end: ago(89), reason: 'Enfant malade' })));
    kept.absences.push(...(await insertUnavailabilities(ds, 'agent_absences', agent.id, { count: 1, end: new Date(Date.now() + DAY_MS), reason: 'Congés' })));
    kept.absences.push(...(await insertUnavailabilities(ds, 'agent_absences', agent.id, { count: 1, end: ago(300), reason: '' })));
    // Closures: the same limit.
    erased.closures.push(...(await insertUnavailabilities(ds, 'msap_closures', ids.pithiviersId, { count: 3, end: ago(120), reason: 'Décès de M. Petit, animateur' })));
    kept.closures.push(...(await insertUnavailabilities(ds, 'msap_closures', ids.sullyId, { count: 1, end: ago(60), reason: 'Travaux' })));
    // Mass cancellations: finished 91 days ago erased; finished 10 days ago and one still running (400 days old) kept.
    erased.jobs.push(await insertJob(ds, agent.administration_id, { finishedAt: ago(91), message: 'M. Antoine Agent est absent, appelez le 02 38 00 00 00' }));
    kept.jobs.push(await insertJob(ds, agent.administration_id, { finishedAt: ago(10), message: 'Grève' }));
    kept.jobs.push(await insertJob(ds, agent.administration_id, { finishedAt: null, message: 'Inondation' }));

    // Accounts: an agent disabled 366 days ago, with consultations, audit entries, a session and a calendar feed;
    // a coordinator disabled 364 days ago and the demo accounts stay.
    const hash = await t.app.get(PasswordService).hash(FORMER_PASSWORD);
    const email = 'ancienne.agente@example.fr';
    const [user] = await ds.query(
      `INSERT INTO users (email, display_name, password_hash, role, oidc_subject, disabled_at) VALUES ($1, 'Odile Ancienne', $2, 'agent', 'pc-sub-odile', $3) RETURNING id`,
      [email, hash, ago(366)],
    );
    const [former] = await ds.query(`INSERT INTO agents (user_id, administration_id, title) VALUES ($1, $2, 'Référente RSA') RETURNING id`, [
      user.id,
      agent.administration_id,
    ]);
    const consultations = await insertCitizenConsultations(ds, { count: 2, boothId: ids.sullyBoothId, agentUserEmail: email, firstStart: ago(400) });
    await ds.query(`INSERT INTO audit_events (action, actor_user_id, subject_type, subject_id) VALUES ('login.succeeded', $1, 'user', $2)`, [user.id, user.id]);
    await ds.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('odile-session', $1, 'x', now() + interval '1 hour')`, [user.id]);
    await ds.query(`INSERT INTO ics_feed_tokens (user_id, token_hash) VALUES ($1, 'odile-feed')`, [user.id]);
    formerAgent = { userId: user.id, agentId: former.id, email, consultations };
    const [recent] = await ds.query(
      `INSERT INTO users (email, display_name, password_hash, role, departement, disabled_at) VALUES ('parti.recemment@example.fr', 'Paul Parti', $1, 'coordinator', '45', $2) RETURNING id`,
      [hash, ago(364)],
    );
    kept.users.push(recent.id, ...(await ds.query(`SELECT id FROM users WHERE disabled_at IS NULL`)).map((u: { id: string }) => u.id));

    keptBefore = {
      agent_absences: await rowsOf(ds, 'agent_absences', kept.absences),
      msap_closures: await rowsOf(ds, 'msap_closures', kept.closures),
      mass_cancellation_jobs: await rowsOf(ds, 'mass_cancellation_jobs', kept.jobs),
      users: await ds.query(`SELECT * FROM users WHERE id = ANY($1::uuid[]) ORDER BY id`, [kept.users]),
    };
    erasedBefore = {
      agent_absences: await rowsWithout(ds, 'agent_absences', erased.absences, ['reason', 'reason_erased_at']),
      msap_closures: await rowsWithout(ds, 'msap_closures', erased.closures, ['reason', 'reason_erased_at']),
      mass_cancellation_jobs: await rowsWithout(ds, 'mass_cancellation_jobs', erased.jobs, ['message', 'message_erased_at']),
      consultations: await consultationsOf(ds, consultations),
    };
    first = await retention.run();
  });
  afterAll(() => t.close());

  it('counts what it erased in the run record', async () => {
    expect(first).toMatchObject({
      absenceReasonsErased: erased.absences.length,
      closureReasonsErased: erased.closures.length,
      massCancellationMessagesErased: erased.jobs.length,
      accountsPseudonymised: 1,
      sessionsDeleted: 1,
    });
    const [run] = await t.dataSource.query(
      `SELECT absence_reasons_erased, closure_reasons_erased, mass_cancellation_messages_erased, accounts_pseudonymised
         FROM retention_runs ORDER BY id DESC LIMIT 1`,
    );
    expect(run).toEqual({ absence_reasons_erased: 13, closure_reasons_erased: 3, mass_cancellation_messages_erased: 1, accounts_pseudonymised: 1 });
  });

  it('replaces the reasons and messages past the limit, and keeps their times, owners, states and counters', async () => {
    const ds = t.dataSource;
    for (const [table, ids] of [['agent_absences', erased.absences], ['msap_closures', erased.closures]] as const) {
      const rows = await ds.query(`SELECT reason, reason_erased_at IS NOT NULL AS erased FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
      expect(rows).toHaveLength(ids.length);
      for (const row of rows) expect(row).toEqual({ reason: ERASED_TEXT, erased: true });
      expect(await rowsWithout(ds, table, ids, ['reason', 'reason_erased_at'])).toEqual(erasedBefore[table]);
    }
    expect(await ds.query(`SELECT message, state, message_erased_at IS NOT NULL AS erased FROM mass_cancellation_jobs WHERE id = $1`, [erased.jobs[0]])).toEqual([
      { message: ERASED_TEXT, state: 'completed', erased: true },
    ]);
    expect(await rowsWithout(ds, 'mass_cancellation_jobs', erased.jobs, ['message', 'message_erased_at'])).toEqual(erasedBefore.mass_cancellation_jobs);
  });

  it('leaves younger, ongoing, running and empty ones, and recently disabled and active accounts, untouched', async () => {
    const ds = t.dataSource;
    expect(await rowsOf(ds, 'agent_absences', kept.absences)).toEqual(keptBefore.agent_absences);
    expect(await rowsOf(ds, 'msap_closures', kept.closures)).toEqual(keptBefore.msap_closures);
    expect(await rowsOf(ds, 'mass_cancellation_jobs', kept.jobs)).toEqual(keptBefore.mass_cancellation_jobs);
    expect(await ds.query(`SELECT * FROM users WHERE id = ANY($1::uuid[]) ORDER BY id`, [kept.users])).toEqual(keptBefore.users);
  });

  it('pseudonymises an account disabled too long: the row and what points at it stay, nothing names its holder', async () => {
    const ds = t.dataSource;
    const [u] = await ds.query(
      `SELECT email, display_name, password_hash, oidc_subject, role, disabled_at IS NOT NULL AS disabled, pseudonymised_at IS NOT NULL AS pseudonymised
         FROM users WHERE id = $1`,
      [formerAgent.userId],
    );
    expect(u).toEqual({
      email: erasedAccountEmail(formerAgent.userId),
      display_name: ERASED_ACCOUNT_NAME,
      password_hash: null,
      oidc_subject: null,
      role: 'agent',
      disabled: true,
      pseudonymised: true,
    });
    expect(await ds.query(`SELECT id, title FROM agents WHERE user_id = $1`, [formerAgent.userId])).toEqual([{ id: formerAgent.agentId, title: '' }]);
    expect(await consultationsOf(ds, formerAgent.consultations)).toEqual(erasedBefore.consultations);
    expect(await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor_user_id = $1`, [formerAgent.userId])).toEqual([{ n: 1 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [formerAgent.userId])).toEqual([{ n: 0 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM ics_feed_tokens WHERE user_id = $1`, [formerAgent.userId])).toEqual([{ n: 0 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM users WHERE email = $1 OR display_name = 'Odile Ancienne'`, [formerAgent.email])).toEqual([{ n: 0 }]);
  });

  it('a pseudonymised account can never sign in again, even re-enabled or given a password', async () => {
    for (const email of [formerAgent.email, erasedAccountEmail(formerAgent.userId)]) {
      const res = await request(t.baseUrl).post('/api/auth/login').send({ email, password: FORMER_PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    }
    await expect(t.dataSource.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [formerAgent.userId])).rejects.toThrow(/users_pseudonymised_closed/);
    const hash = await t.app.get(PasswordService).hash('nouveau-mot-de-passe');
    await expect(t.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [formerAgent.userId, hash])).rejects.toThrow(/users_pseudonymised_closed/);
    await expect(t.dataSource.query(`UPDATE users SET oidc_subject = 'pc-sub-odile' WHERE id = $1`, [formerAgent.userId])).rejects.toThrow(/users_pseudonymised_closed/);
  });

  it('a second sweep erases nothing more and changes nothing', async () => {
    const ds = t.dataSource;
    const snapshot = async () => ({
      absences: await ds.query(`SELECT * FROM agent_absences ORDER BY id`),
      closures: await ds.query(`SELECT * FROM msap_closures ORDER BY id`),
      jobs: await ds.query(`SELECT * FROM mass_cancellation_jobs ORDER BY id`),
      users: await ds.query(`SELECT * FROM users ORDER BY id`),
    });
    const before = await snapshot();
    const second = await retention.run();
    expect(second).toMatchObject({ absenceReasonsErased: 0, closureReasonsErased: 0, massCancellationMessagesErased: 0, accountsPseudonymised: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('GET /api/retention answers the new limit, the markers and the new figures', async () => {
    const admin = await signIn(t.baseUrl, 'admin');
    const res = await admin.agent.get('/api/retention').expect(200);
    expect(res.body.policy).toMatchObject({ citizenDataDays: 90, disabledAccountDays: 365, erasedText: ERASED_TEXT, erasedAccountName: ERASED_ACCOUNT_NAME });
    expect(res.body.lastRun).toMatchObject({ absenceReasonsErased: 0, accountsPseudonymised: 0 });
    expect(res.body.recentRuns[0]).toMatchObject({
      absenceReasonsErased: 13,
      closureReasonsErased: 3,
      massCancellationMessagesErased: 1,
      accountsPseudonymised: 1,
    });
  });
});
