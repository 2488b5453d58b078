import { DateTime } from 'luxon';
import { get } from 'node:http';
import request from 'supertest';
import { INDICATORS, IndicatorId } from '../../shared/stats/indicators';
import { startTestApp, TestApp } from '../support/app';
import { sessionCookie } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { schedulingIds } from '../support/scheduling';
import { SignedIn, signIn, signInAs } from '../support/session';

/**
 * Issue 15's exports and public page, through the real server on a seeded data set whose figures
 * are known by construction: last year in the Loiret (45), 20 consultations — 14 held (3 of them
 * measured calls, 1 in audio only), 3 cancelled by the citizen, 2 citizens absent, 1 agent absent —
 * each carrying a citizen's name, phone, e-mail, note and reason that no export may show; and, the
 * year before, 4,500 held consultations, more than one cursor fetch.
 */
describe('statistics: exports and the public page', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let facilitator: SignedIn;
  let otherCoordinator: SignedIn;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const year = DateTime.now().setZone('Europe/Paris').year - 1;
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const CITIZEN = { name: 'Gertrude Zyxwvut', phone: '+33612345678', email: 'gertrude.zyxwvut@example.fr', note: 'Note très confidentielle', reason: 'Raison très personnelle' };

  beforeAll(async () => {
    t = await startTestApp({ RETENTION_ENABLED: 'false', NOTIFICATIONS_ENABLED: 'false' });
    ids = await demoIds(t.dataSource);
    [admin, coordinator, facilitator] = await Promise.all([signIn(t.baseUrl, 'admin'), signIn(t.baseUrl, 'coordinator'), signIn(t.baseUrl, 'facilitator')]);
    await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'coord.18@example.fr', displayName: 'Coord Cher', role: 'coordinator', departement: '18', password: 'un-mot-de-passe-long' })
      .expect(201);
    otherCoordinator = await signInAs(t.baseUrl, 'coord.18@example.fr', 'un-mot-de-passe-long');
    await seed();
  });
  afterAll(() => t?.close());

  async function seed(): Promise<void> {
    const { ddfipId, incomeTaxTypeId, demoAgentId } = await schedulingIds(t.dataSource);
    // One consultation a day from 3 March, 10:00 Paris, on one booth and one agent: no overlap.
    const outcomes = [...Array(14).fill('held'), ...Array(3).fill('cancelled'), ...Array(2).fill('no_show'), 'agent_absent'] as const;
    for (const [i, outcome] of outcomes.entries()) {
      const start = DateTime.fromISO(`${year}-03-03T10:00`, { zone: 'Europe/Paris' }).plus({ days: i });
      const held = outcome === 'held';
      const [row] = await t.dataSource.query(
        `INSERT INTO consultations (booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at, created_at, status,
            citizen_name, citizen_phone, citizen_email, outcome_note, call_started_at, call_ended_at, cancellation_cause, cancellation_reason, cancelled_at)
         VALUES ($1, $2, $3, $4, $5, $5::timestamptz + interval '30 minutes', $5::timestamptz - interval '10 days', $6,
            $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [
          ids.pithiviersBoothId,
          demoAgentId,
          ddfipId,
          incomeTaxTypeId,
          start.toJSDate(),
          held ? 'done' : outcome === 'cancelled' ? 'cancelled' : outcome === 'no_show' ? 'no_show' : 'scheduled',
          CITIZEN.name,
          CITIZEN.phone,
          CITIZEN.email,
          CITIZEN.note,
          held ? start.plus({ minutes: 2 }).toJSDate() : null,
          held ? start.plus({ minutes: 27 }).toJSDate() : null,
          outcome === 'cancelled' ? 'citizen' : null,
          outcome === 'cancelled' ? CITIZEN.reason : null,
          outcome === 'cancelled' ? start.minus({ days: 1 }).toJSDate() : null,
        ],
      );
      // Three held calls measured (the first in audio only); the agent's no-show: the booth waited in the lobby.
      if (held && i < 3) {
        await t.dataSource.query(
          `INSERT INTO call_quality (consultation_id, booth_lobby_at, agent_joined_at, media_connected_at, joins, audio_only, rtt_median_ms, loss_median_pct, samples)
           VALUES ($1, $2, $2, $2, 2, $3, 60, 0.5, 10)`,
          [row.id, start.minus({ minutes: 1 }).toJSDate(), i === 0],
        );
      }
      if (outcome === 'agent_absent') await t.dataSource.query(`INSERT INTO call_quality (consultation_id, booth_lobby_at) VALUES ($1, $2)`, [row.id, start.toJSDate()]);
    }
    // The year before: 4,500 held consultations an hour apart, more than one fetch of the export's cursor.
    await t.dataSource.query(
      `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at, status, citizen_name, call_started_at, call_ended_at)
       SELECT $1, $2, $3, s, s + interval '30 minutes', 'done', $5, s, s + interval '20 minutes'
         FROM generate_series($4::timestamptz, $4::timestamptz + interval '4499 hours', interval '1 hour') s`,
      [ids.sullyBoothId, demoAgentId, ddfipId, `${year - 1}-01-01T00:00:00Z`, CITIZEN.name],
    );
  }

  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const exported = (caller: SignedIn, params: Record<string, string>) =>
    caller.agent
      .get(`/api/stats/export?${query(params)}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });

  /** The cells of a `;` CSV with quotes (what the export writes), BOM removed. */
  function parseCsv(text: string): string[][] {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    const body = text.slice(1);
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (quoted && ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (!quoted && ch === ';') {
        row.push(cell);
        cell = '';
      } else if (!quoted && ch === '\r' && body[i + 1] === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        i++;
      } else {
        cell += ch;
      }
    }
    expect(cell).toBe('');
    return rows;
  }
  const frNumber = (cell: string) => (cell === '' ? null : Number(cell.replace(',', '.')));

  it('exports the indicators with the very values of GET /api/stats, in a file named after the period, audited', async () => {
    const filters = { ...period, departement: '45' };
    const report = (await coordinator.agent.get(`/api/stats?${query(filters)}`).expect(200)).body;
    const res = await exported(coordinator, { ...filters, format: 'csv', table: 'indicators' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="statistiques-indicators-${period.from}_${period.to}.csv"`);
    const [header, ...lines] = parseCsv(res.body as string);
    expect(header).toEqual(['id', 'section', 'libellé', 'valeur', 'unité', 'définition']);
    expect(lines.map((l) => l[0])).toEqual(INDICATORS.map((i) => i.id));
    expect(Object.fromEntries(lines.map((l) => [l[0], frNumber(l[3]!)]))).toEqual(report.values);
    // Known by construction.
    expect(report.values).toMatchObject({ booked: 20, held: 14, cancelled: 3, cancelled_citizen: 3, no_show_citizen: 2, no_show_agent: 1, calls_measured: 3 });
    expect(lines.find((l) => l[0] === 'audio_only_rate')![3]).toBe('33,3');

    const json = await coordinator.agent.get(`/api/stats/export?${query({ ...filters, format: 'json', table: 'indicators' })}`).expect(200);
    expect(json.headers['content-disposition']).toBe(`attachment; filename="statistiques-indicators-${period.from}_${period.to}.json"`);
    expect({ ...json.body, computedAt: null }).toEqual({ ...report, computedAt: null });

    const series = parseCsv((await exported(coordinator, { ...filters, format: 'csv', table: 'series' }).expect(200)).body as string);
    expect(series.slice(1).map((l) => Number(l[2]))).toEqual(report.series.map((p: { held: number }) => p.held));
    const sites = parseCsv((await exported(coordinator, { ...filters, format: 'csv', table: 'sites' }).expect(200)).body as string);
    expect(sites.slice(1).map((l) => [l[1], Number(l[4])])).toEqual(report.sites.map((s: { name: string; held: number }) => [s.name, s.held]));

    const audits = await t.dataSource.query(`SELECT details FROM audit_events WHERE action = 'stats.exported' AND actor_user_id = $1 ORDER BY id`, [coordinator.userId]);
    expect(audits.map((a: { details: { table: string; format: string } }) => `${a.details.table}/${a.details.format}`)).toEqual(['indicators/csv', 'indicators/json', 'series/csv', 'sites/csv']);
    expect(audits[0].details.filters).toMatchObject({ ...period, departement: '45' });
  });

  it('exports one anonymous line per consultation, counted as the report counts, with no personal data', async () => {
    const filters = { ...period, departement: '45' };
    const report = (await coordinator.agent.get(`/api/stats?${query(filters)}`).expect(200)).body;
    const res = await exported(coordinator, { ...filters, format: 'csv', table: 'consultations' }).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="statistiques-consultations-${period.from}_${period.to}.csv"`);
    const text = res.body as string;
    const [header, ...lines] = parseCsv(text);
    expect(lines).toHaveLength(report.values.booked);
    const byIssue = (issue: string) => lines.filter((l) => l[header!.indexOf('issue')] === issue).length;
    for (const id of ['held', 'cancelled', 'no_show_citizen', 'no_show_agent', 'no_outcome', 'upcoming'] as IndicatorId[]) expect([id, byIssue(id)]).toEqual([id, report.values[id]]);
    const first = Object.fromEntries(header!.map((h, i) => [h, lines[0]![i]]));
    expect(first).toEqual({
      date: `${year}-03-03 10:00`,
      departement: '45',
      site: 'France Services de Pithiviers',
      administration: 'DDFIP du Loiret',
      type: 'Impôt sur le revenu : déclaration, avis',
      issue: 'held',
      cause_annulation: '',
      delai_reservation_jours: '10',
      attente_minutes: '2',
      duree_reelle_minutes: '25',
      duree_reservee_minutes: '30',
      audio_seul: 'oui',
      reconnexions: '0',
      echec_connexion: '',
    });
    expect(lines.filter((l) => l[header!.indexOf('cause_annulation')] === 'citizen')).toHaveLength(3);
    for (const secret of [CITIZEN.name, 'Zyxwvut', '612345678', CITIZEN.email, CITIZEN.note, CITIZEN.reason, 'Antoine Agent', 'agent@demo']) expect(text).not.toContain(secret);

    const json = await coordinator.agent.get(`/api/stats/export?${query({ ...filters, format: 'json', table: 'consultations' })}`).expect(200);
    expect(json.body).toHaveLength(20);
    expect(JSON.stringify(json.body)).not.toContain('Zyxwvut');
  });

  it('streams a long export through several cursor fetches, every line there once', async () => {
    const filters = { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    const report = (await admin.agent.get(`/api/stats?${query(filters)}`).expect(200)).body;
    expect(report.values.held).toBe(4500);
    const lines = parseCsv((await exported(admin, { ...filters, format: 'csv', table: 'consultations' }).expect(200)).body as string).slice(1);
    expect(lines).toHaveLength(4500);
    expect(new Set(lines.map((l) => l[0])).size).toBe(4500);
    expect(lines.every((l) => l[5] === 'held' && l[9] === '20')).toBe(true);
  });

  it('gives the cursor’s connection back when a download is dropped halfway', async () => {
    const url = new URL(`/api/stats/export?${query({ from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, format: 'csv', table: 'consultations' })}`, t.baseUrl);
    const cookie = await sessionCookie(t.baseUrl, 'admin@demo.visio-msap.fr', 'demo-admin-2026');
    await new Promise<void>((resolve, reject) => {
      const req = get(url, { headers: { cookie } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    });
    const open = async () =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND query LIKE 'FETCH FORWARD%'`,
          )
        )[0].n,
      );
    for (let i = 0; i < 50 && (await open()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await open()).toBe(0);
  });

  it('applies the rights of GET /api/stats (403 outside one’s scope) and refuses a bad table, format or period (422)', async () => {
    const status = async (caller: SignedIn, params: Record<string, string>) => {
      const report = await caller.agent.get(`/api/stats?${query(params)}`);
      const file = await caller.agent.get(`/api/stats/export?${query({ ...params, format: 'csv', table: 'consultations' })}`);
      const indicators = await caller.agent.get(`/api/stats/export?${query({ ...params, format: 'json', table: 'indicators' })}`);
      return [report.status, file.status, indicators.status, file.body.code];
    };
    expect(await status(coordinator, { ...period, departement: '18' })).toEqual([403, 403, 403, 'OUTSIDE_SCOPE']);
    expect(await status(facilitator, { ...period, siteId: ids.sullyId })).toEqual([403, 403, 403, 'OUTSIDE_SCOPE']);
    expect(await status(otherCoordinator, { ...period, siteId: ids.pithiviersId })).toEqual([403, 403, 403, 'OUTSIDE_SCOPE']);
    // The facilitator's own site: their view, without asking for it.
    const own = parseCsv((await exported(facilitator, { ...period, format: 'csv', table: 'consultations' }).expect(200)).body as string);
    expect(own).toHaveLength(21);

    const bad = await coordinator.agent.get(`/api/stats/export?${query({ ...period, format: 'xlsx', table: 'everything' })}`).expect(422);
    expect(bad.body.errors).toEqual({ format: ['NOT_ALLOWED'], table: ['NOT_ALLOWED'] });
    const long = await coordinator.agent.get(`/api/stats/export?${query({ from: '2016-01-01', to: '2025-12-31', format: 'csv', table: 'consultations' })}`).expect(422);
    expect(long.body.code).toBe('PERIOD_TOO_LONG');
    await request(t.baseUrl).get(`/api/stats/export?${query({ ...period, format: 'csv', table: 'indicators' })}`).expect(401);
  });

  it('publishes a département on the public page: coordinator of that département only, small counts suppressed, no account needed', async () => {
    const anonymous = request(t.baseUrl);
    await anonymous.get(`/api/public/stats/45?year=${year}`).expect(404);
    expect((await anonymous.get('/api/public/stats').expect(200)).body).toEqual([]);

    const put = (caller: SignedIn, departement: string, published: unknown) =>
      caller.agent.put(`/api/stats/publications/${departement}`).set('X-CSRF-Token', caller.csrf).send({ published });
    expect((await put(otherCoordinator, '45', true).expect(403)).body.code).toBe('OUTSIDE_SCOPE');
    expect((await put(coordinator, '45', 'yes').expect(422)).body.errors).toEqual({ published: ['INVALID_TYPE'] });
    expect((await put(coordinator, 'XX', true).expect(422)).body.errors).toEqual({ departement: ['INVALID_DEPARTEMENT'] });
    expect((await put(otherCoordinator, '18', true).expect(422)).body.errors).toEqual({ departement: ['UNKNOWN'] });
    const published = (await put(coordinator, '45', true).expect(200)).body;
    expect(published).toEqual({ departement: '45', published: true, publishedAt: expect.any(String) });
    expect((await anonymous.get('/api/public/stats').expect(200)).body).toEqual([published]);

    const res = await anonymous.get(`/api/public/stats/45?year=${year}`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const page = res.body;
    expect(page).toMatchObject({ departement: '45', period: { ...period, granularity: 'week' }, minCount: 11 });
    expect(Object.keys(page).sort()).toEqual(['computedAt', 'departement', 'minCount', 'period', 'series', 'suppressed', 'travel', 'values']);
    // 20 booked and 14 held are published; 3 cancelled, 2 and 1 absences, 3 measured calls (and their rates) are not.
    expect(page.values).toMatchObject({ booked: 20, held: 14, no_outcome: 0, upcoming: 0, cancelled: null, cancelled_citizen: null, no_show_citizen: null, no_show_agent: null });
    expect(page.values).toMatchObject({ calls_measured: null, audio_only_rate: null, rtt_median_ms: null, lead_time_median_days: 10 });
    expect(page.suppressed).toEqual(expect.arrayContaining(['cancelled', 'cancelled_citizen', 'no_show_citizen', 'no_show_agent', 'calls_measured', 'audio_only_rate', 'rtt_median_ms']));
    expect(page.suppressed).not.toContain('booked');
    // Every week holds fewer than 11 consultations: none is shown, zeros aside.
    const weekCounts = page.series.flatMap((p: Record<string, number | null>) => [p.booked, p.held, p.cancelled, p.noShowCitizen, p.noShowAgent]);
    expect(weekCounts.filter((n: number | null) => n !== null && n !== 0)).toEqual([]);
    expect(page.series.some((p: { booked: number | null }) => p.booked === null)).toBe(true);
    const text = JSON.stringify(page);
    for (const secret of ['Zyxwvut', 'Antoine', 'agentId', 'siteId', 'Pithiviers']) expect(text).not.toContain(secret);

    await anonymous.get(`/api/public/stats/45?year=${year + 2}`).expect(422);
    await anonymous.get('/api/public/stats/45?year=soon').expect(422);
    const audit = await t.dataSource.query(`SELECT actor_user_id AS "actor", subject_id AS "subject", details FROM audit_events WHERE action = 'stats.publication_changed'`);
    expect(audit).toEqual([{ actor: coordinator.userId, subject: '45', details: { published: true } }]);

    // Withdrawn: gone at once, although the answer was cached.
    expect((await put(admin, '45', false).expect(200)).body).toEqual({ departement: '45', published: false, publishedAt: null });
    await anonymous.get(`/api/public/stats/45?year=${year}`).expect(404);
  });
});
