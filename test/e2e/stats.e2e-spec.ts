import { INDICATOR_IDS, IndicatorId, StatsReport } from '../../shared/stats/indicators';
import { startTestApp, TestApp } from '../support/app';
import { pairDevice } from '../support/callers';
import { demoIds } from '../support/demo-data';
import { signIn, signInAs, SignedIn } from '../support/session';

const PASSWORD = 'un-mot-de-passe-long';
const FROM = '2026-09-07';
const TO = '2026-09-20';
/** One degree of latitude on the haversine's sphere (mean Earth radius 6371.0088 km). */
const DEGREE_KM = (6371.0088 * Math.PI) / 180;
/** A Paris time of September 2026 (summer time, UTC+2). */
const paris = (dayHhmm: string) => `2026-${dayHhmm.replace(' ', 'T')}:00+02:00`;

interface Seeded {
  siteA: string;
  siteB: string;
  siteC: string;
  boothA1: string;
  boothA2: string;
  boothB: string;
  boothC: string;
  admX: string;
  admY: string;
  admZ: string;
  typeX: string;
  typeY: string;
  typeZ: string;
  agent1: string;
  agent2: string;
  agent3: string;
}

/**
 * The statistics API (issue 15) on a data set whose every figure is known by construction: two
 * départements (18: sites A with two booths and B with one; 58: site C), their directory created
 * through the API as an administrator would, and past consultations, call-quality rows, documents,
 * survey responses and support checklists written in SQL (the past cannot be booked). The expected
 * value of each indicator is worked out in the comments next to it.
 */
describe('statistics', () => {
  let t: TestApp;
  let admin: SignedIn;
  let s: Seeded;
  const users: Record<'coord18' | 'coord58' | 'facilA' | 'agent1', SignedIn> = {} as never;

  const get = (caller: SignedIn, query: Record<string, string>) => caller.agent.get('/api/stats').query(query);
  const report = async (caller: SignedIn, query: Record<string, string> = {}) => (await get(caller, { from: FROM, to: TO, ...query }).expect(200)).body as StatsReport;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t.baseUrl, 'admin');
    s = await seedDirectory(t, admin);
    users.coord18 = await account('coord18@cher.gouv.fr', { role: 'coordinator', departement: '18' });
    users.coord58 = await account('coord58@nievre.gouv.fr', { role: 'coordinator', departement: '58' });
    users.facilA = await account('animation@fs-a.fr', { role: 'facilitator', msapSiteId: s.siteA });
    users.agent1 = await signInAs(t.baseUrl, 'agent1@ddfip18.gouv.fr', PASSWORD);
    await seedActivity(t, s);
  }, 60_000);
  afterAll(() => t?.close());

  async function account(email: string, body: object): Promise<SignedIn> {
    await admin.agent.post('/api/users').set('X-CSRF-Token', admin.csrf).send({ email, displayName: email.split('@')[0], password: PASSWORD, ...body }).expect(201);
    return signInAs(t.baseUrl, email, PASSWORD);
  }

  it('computes every indicator of the département as its definition says', async () => {
    const r = await report(users.coord18);
    expect(r.period).toEqual({ from: FROM, to: TO, granularity: 'week' });
    // The coordinator's département is filled in.
    expect(r.filters).toEqual({ departement: '18' });
    const km = 2 * 1.3 * (4 * 0.5 * DEGREE_KM + 1 * DEGREE_KM);
    const expected: Record<IndicatorId, number | null> = {
      // A1…A10 at site A, B1, B2, B4 at site B.
      booked: 13,
      held: 6, // A1 A2 A3 A9 A10 B1
      cancelled: 4,
      cancelled_citizen: 1,
      cancelled_agent_absence: 1,
      cancelled_site_closure: 1,
      cancelled_mass: 1,
      cancelled_service: 0,
      no_show_citizen: 1, // A6
      no_show_agent: 1, // A7: the booth waited in the lobby, the call was never opened
      no_outcome: 1, // A8
      upcoming: 0, // 6 + 4 + 1 + 1 + 1 + 0 = 13
      // Site A: 2 booths × (10 weekdays × 8 h − the 8 h of its closure); site B: 1 booth × 10 × 3 h.
      opening_hours: 174,
      booked_hours: 5, // 8 × 30 min + A9's hour (not cancelled)
      held_hours: 3.5, // 5 × 30 min + A9's hour
      occupancy_booked: 2.9, // 5 / 174
      occupancy_held: 2, // 3.5 / 174 = 2.01
      // Days between booking and appointment: 0.125 1 1 1 2 2 [2] 5 6 7 10 11 13.
      lead_time_median_days: 2,
      // Held with a lobby arrival: A1 2, A2 5, A3 0 (admitted before the hour), A10 1, B1 0 → 0 0 [1] 2 5.
      wait_median_minutes: 1,
      admitted_late_rate: 16.7, // A2 only (10 min late) of 6
      duration_median_minutes: 30, // ended calls: 2 20 [30] 40 45
      booked_duration_median_minutes: 30, // 30 × 5 and 60
      overrun_rate: 20, // A2 (40 min for 30) of 5 ended calls
      calls_measured: 5, // held with a call_quality row: A1 A2 A3 A10 B1
      audio_only_rate: 20, // A2
      reconnection_rate: 40, // A2, A3
      ice_restarts: 4, // 1 + 3
      rtt_median_ms: 115, // 40 80 | 150 450 → (80 + 150) / 2
      loss_median_pct: 1.25, // 0 0.5 | 2 6
      connect_failed: 1, // A10
      connect_failed_ice_failed: 1,
      connect_failed_ice_timeout: 0,
      connect_failed_dtls_failed: 0,
      connect_failed_no_media: 0,
      connect_failed_worker_died: 0,
      // A1: two accepted (one being scanned does not count yet); A2: virus, too large; A9: virus.
      documents_exchanged: 5,
      documents_rejected: 3,
      documents_rejected_too_large: 1,
      documents_rejected_type_refused: 0,
      documents_rejected_too_many_pages: 0,
      documents_rejected_virus: 2,
      documents_rejected_active_content: 0,
      documents_rejected_encrypted_pdf: 0,
      documents_rejected_mixed_content: 0,
      documents_rejected_image_too_large: 0,
      documents_rejected_damaged: 0,
      // R1 good (5), R2 medium (3), R3 bad (sound only besides), R4 good (4); R5 unanswered, R6 after the period.
      survey_responses: 4,
      satisfaction_score: 6.3, // (10 + 5 + 0 + 10) / 4 = 6.25
      satisfaction_good: 2,
      satisfaction_medium: 1,
      satisfaction_bad: 1,
      clarity_mean: 4, // (5 + 3 + 4) / 3
      support_recorded: 3, // A1 A2 B1 (A9: themes without autonomy)
      autonomy_entierement_accompagne: 1,
      autonomy_partiellement_autonome: 1,
      autonomy_autonome: 1,
      theme_papiers_elections_citoyennete: 0,
      theme_famille_scolarite: 1,
      theme_social_sante: 0,
      theme_travail_formation: 0,
      theme_logement: 1,
      theme_transports_mobilite: 0,
      theme_argent_impots: 2,
      theme_justice: 0,
      theme_etrangers_europe: 0,
      theme_loisirs_sports_culture: 0,
      // Held at A with X (office 0.5° north of A): 4; at B with X (1° south of X): 1; A9 with Y (no office position).
      travel_km_avoided: Math.round(km * 10) / 10,
      co2_kg_avoided: Math.round(km * 0.218 * 10) / 10,
      travel_unknown: 1,
    };
    expect(Object.keys(r.values).sort()).toEqual([...INDICATOR_IDS].sort());
    expect(r.values).toEqual(expected);
    expect(r.travel).toEqual({ roadFactor: 1.3, co2KgPerKm: 0.218, source: expect.stringContaining('ADEME') });

    expect(r.series).toEqual([
      { start: '2026-09-07', booked: 5, held: 4, cancelled: 1, noShowCitizen: 0, noShowAgent: 0, surveyResponses: 2, satisfactionScore: 7.5 },
      { start: '2026-09-14', booked: 8, held: 2, cancelled: 3, noShowCitizen: 1, noShowAgent: 1, surveyResponses: 2, satisfactionScore: 5 },
    ]);
    expect(r.sites).toEqual([
      // Held hours 3 of 144; (10 + 5 + 10) / 3.
      { siteId: s.siteA, name: 'France Services A', departement: '18', booked: 10, held: 5, cancelled: 2, occupancyHeld: 2.1, satisfactionScore: 8.3, heldSeries: [3, 2] },
      { siteId: s.siteB, name: 'France Services B', departement: '18', booked: 3, held: 1, cancelled: 2, occupancyHeld: 1.7, satisfactionScore: 0, heldSeries: [1, 0] },
    ]);
    expect(r.quality).toEqual({
      rtt: [
        { bucket: 'lt50', calls: 1 },
        { bucket: '50to100', calls: 1 },
        { bucket: '100to200', calls: 1 },
        { bucket: '200to400', calls: 0 },
        { bucket: 'ge400', calls: 1 },
      ],
      loss: [
        { bucket: 'lt1', calls: 2 },
        { bucket: '1to3', calls: 1 },
        { bucket: '3to5', calls: 0 },
        { bucket: 'ge5', calls: 1 },
      ],
    });
    // The administrator asking for the same département reads the same figures.
    expect((await report(admin, { departement: '18' })).values).toEqual(expected);
  });

  it('keeps each viewer within their rights: 403 OUTSIDE_SCOPE for a filter outside them, never an empty answer', async () => {
    const coordOther = await get(users.coord58, { from: FROM, to: TO, departement: '18' }).expect(403);
    expect(coordOther.body).toMatchObject({ code: 'OUTSIDE_SCOPE', errors: { departement: ['OUTSIDE_SCOPE'] } });
    expect((await get(users.coord58, { from: FROM, to: TO, siteId: s.siteA }).expect(403)).body.errors).toEqual({ siteId: ['OUTSIDE_SCOPE'] });
    expect((await get(users.coord58, { from: FROM, to: TO, agentId: s.agent1 }).expect(403)).body.code).toBe('OUTSIDE_SCOPE');
    // Its own département: C1 held, C2 cancelled by the service; R7.
    const nievre = await report(users.coord58);
    expect(nievre.filters).toEqual({ departement: '58' });
    expect(nievre.values).toMatchObject({ booked: 2, held: 1, cancelled_service: 1, survey_responses: 1, satisfaction_score: 0, opening_hours: 80, calls_measured: 1, rtt_median_ms: 60 });
    // No support checklist filled in there: « pas encore de données », not zero.
    expect(nievre.values.support_recorded).toBeNull();
    expect(nievre.values.theme_logement).toBeNull();

    // The facilitator: their site whatever they ask.
    const siteA = await report(users.facilA);
    expect(siteA.filters).toEqual({ siteId: s.siteA });
    expect(siteA.values).toMatchObject({ booked: 10, held: 5, opening_hours: 144, survey_responses: 3, satisfaction_score: 8.3, travel_unknown: 1 });
    expect(siteA.sites.map((x) => x.siteId)).toEqual([s.siteA]);
    expect((await get(users.facilA, { from: FROM, to: TO, siteId: s.siteB }).expect(403)).body.errors).toEqual({ siteId: ['OUTSIDE_SCOPE'] });
    expect((await get(users.facilA, { from: FROM, to: TO, departement: '58' }).expect(403)).body.code).toBe('OUTSIDE_SCOPE');

    // The agent: their own consultations (A1–A8, A10, B1, B2, B4); the anonymous survey says nothing of them.
    const own = await report(users.agent1);
    expect(own.filters).toEqual({ agentId: s.agent1 });
    expect(own.values).toMatchObject({ booked: 12, held: 5, cancelled: 4, no_show_agent: 1, documents_exchanged: 4, satisfaction_score: null, survey_responses: null, clarity_mean: null });
    expect(own.series.map((p) => p.satisfactionScore)).toEqual([null, null]);
    expect(own.sites.map((x) => [x.siteId, x.booked, x.held])).toEqual([[s.siteA, 9, 4], [s.siteB, 3, 1]]);
    expect((await get(users.agent1, { from: FROM, to: TO, agentId: s.agent2 }).expect(403)).body).toMatchObject({ code: 'OUTSIDE_SCOPE', errors: { agentId: ['OUTSIDE_SCOPE'] } });
    expect((await get(users.agent1, { from: FROM, to: TO, administrationId: s.admY }).expect(403)).body.code).toBe('OUTSIDE_SCOPE');

    // Booth terminals read no statistics; anonymous callers must sign in.
    const ids = await demoIds(t.dataSource);
    const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    expect((await booth.agent.get('/api/stats').query({ from: FROM, to: TO }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await booth.agent.get('/api/stats/options').expect(403)).body.code).toBe('FORBIDDEN');

    // The choices offered are those of the scope.
    const options = (await users.coord18.agent.get('/api/stats/options').expect(200)).body;
    expect(options.departements).toEqual(['18']);
    expect(options.sites.map((x: { id: string }) => x.id)).toEqual([s.siteA, s.siteB]);
    expect(options.administrations.map((x: { id: string }) => x.id).sort()).toEqual([s.admX, s.admY].sort());
    expect(options.agents.map((x: { id: string }) => x.id).sort()).toEqual([s.agent1, s.agent2].sort());
    expect(options.fixed).toEqual({ departement: '18' });
    const agentOptions = (await users.agent1.agent.get('/api/stats/options').expect(200)).body;
    expect(agentOptions.agents.map((x: { id: string }) => x.id)).toEqual([s.agent1]);
    expect(agentOptions.consultationTypes.map((x: { id: string }) => x.id)).toEqual([s.typeX]);
  });

  it('narrows by administration, type and agent, and counts what is still to come', async () => {
    const y = await report(admin, { administrationId: s.admY });
    expect(y.values).toMatchObject({ booked: 1, held: 1, held_hours: 1, travel_km_avoided: null, co2_kg_avoided: null, travel_unknown: 1, survey_responses: 1, calls_measured: 0, audio_only_rate: null });
    expect((await report(admin, { consultationTypeId: s.typeZ })).values).toMatchObject({ booked: 2, held: 1 });
    // A consultation next month in the Nièvre: upcoming until its end has passed.
    await insertConsultation(t, { booth: s.boothC, agent: s.agent3, adm: s.admZ, type: s.typeZ, start: '2027-01-11T10:00:00+01:00', minutes: 30, status: 'scheduled', created: '2026-09-01T10:00:00+02:00' });
    const ahead = await report(users.coord58, { from: '2027-01-01', to: '2027-01-31' });
    expect(ahead.values).toMatchObject({ booked: 1, upcoming: 1, held: 0, no_outcome: 0, admitted_late_rate: null, wait_median_minutes: null, occupancy_held: 0 });
    expect(ahead.series.map((p) => p.start)).toEqual(['2026-12-28', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25']);
    // Over a year and a half the series is by month.
    expect((await report(users.coord58, { from: '2026-01-01', to: '2027-06-30' })).series).toHaveLength(18);
  });

  it('refuses malformed or too long periods and unknown filters with field codes', async () => {
    const bad = (query: Record<string, string>) => get(admin, query).expect(422);
    expect((await bad({ from: '07/09/2026', to: TO })).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { from: ['INVALID_FORMAT'] } });
    expect((await bad({ to: TO })).body.errors.from).toBeDefined();
    expect((await bad({ from: '2026-02-30', to: TO })).body.errors).toEqual({ from: ['INVALID_FORMAT'] });
    expect((await bad({ from: TO, to: FROM })).body.errors).toEqual({ to: ['END_BEFORE_START'] });
    const tooLong = (await bad({ from: '2016-01-01', to: '2025-12-31' })).body;
    expect(tooLong).toMatchObject({ code: 'PERIOD_TOO_LONG', errors: { to: ['RANGE_TOO_LONG'] } });
    expect(tooLong.message).toMatch(/1098 days at most/);
    expect((await bad({ from: FROM, to: TO, siteId: 'not-an-id' })).body.errors).toEqual({ siteId: ['INVALID_ID'] });
    expect((await bad({ from: FROM, to: TO, departement: '999' })).body.errors).toEqual({ departement: ['INVALID_DEPARTEMENT'] });
    expect((await bad({ from: FROM, to: TO, agentId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f' })).body.errors).toEqual({ agentId: ['UNKNOWN'] });
    expect((await bad({ from: FROM, to: TO, nonsense: '1' })).body.errors).toEqual({ nonsense: ['UNKNOWN_FIELD'] });
    // Three years exactly are answered.
    await get(admin, { from: '2024-01-01', to: '2027-01-02' }).expect(200);
  });
});

async function seedDirectory(t: TestApp, admin: SignedIn): Promise<Seeded> {
  const post = async (path: string, body: object) => (await admin.agent.post(path).set('X-CSRF-Token', admin.csrf).send(body).expect(201)).body as { id: string };
  const put = (path: string, body: object) => admin.agent.put(path).set('X-CSRF-Token', admin.csrf).send(body).expect(200);
  const site = (name: string, departement: string, position: { latitude: number; longitude: number } | null) =>
    post('/api/msap-sites', { name, address: '1 place de la Mairie', postalCode: `${departement}000`, city: name.slice(-1), departement, ...(position ?? {}) });
  const siteA = (await site('France Services A', '18', { latitude: 47, longitude: 2 })).id;
  const siteB = (await site('France Services B', '18', { latitude: 46.5, longitude: 2 })).id;
  const siteC = (await site('France Services C', '58', { latitude: 47, longitude: 3.5 })).id;
  const boothA1 = (await post(`/api/msap-sites/${siteA}/booths`, { name: 'Cabine 1' })).id;
  const boothA2 = (await post(`/api/msap-sites/${siteA}/booths`, { name: 'Cabine 2' })).id;
  const boothB = (await post(`/api/msap-sites/${siteB}/booths`, { name: 'Cabine 1' })).id;
  const boothC = (await post(`/api/msap-sites/${siteC}/booths`, { name: 'Cabine 1' })).id;
  const weekdays = (start: string, end: string) => ({ ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end })) });
  await put(`/api/msap-sites/${siteA}/opening-hours`, weekdays('09:00', '17:00'));
  await put(`/api/msap-sites/${siteB}/opening-hours`, weekdays('09:00', '12:00'));
  await put(`/api/msap-sites/${siteC}/opening-hours`, weekdays('09:00', '17:00'));
  // Site A closed on Wednesday 9 September (its 8 opening hours).
  await post(`/api/msap-sites/${siteA}/closures`, { startsAt: paris('09-09 00:00'), endsAt: paris('09-10 00:00'), reason: 'Fermeture exceptionnelle' });

  const admX = (await post('/api/administrations', { name: 'DDFIP du Cher', departement: '18', officeLatitude: 47.5, officeLongitude: 2 })).id;
  const admY = (await post('/api/administrations', { name: 'CAF du Cher', departement: '18' })).id;
  const admZ = (await post('/api/administrations', { name: 'DDFIP de la Nièvre', departement: '58', officeLatitude: 47, officeLongitude: 3.6 })).id;
  const typeX = (await post('/api/consultation-types', { administrationId: admX, subject: 'Impôt sur le revenu', durationMinutes: 30 })).id;
  const typeY = (await post('/api/consultation-types', { administrationId: admY, subject: 'Allocations familiales', durationMinutes: 60 })).id;
  const typeZ = (await post('/api/consultation-types', { administrationId: admZ, subject: 'Impôt local', durationMinutes: 30 })).id;
  const agent = async (email: string, administrationId: string) => {
    await post('/api/users', { email, displayName: email.split('@')[0], role: 'agent', administrationId, password: PASSWORD });
    const [row] = await t.dataSource.query(`SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1`, [email]);
    return row.id as string;
  };
  return {
    siteA,
    siteB,
    siteC,
    boothA1,
    boothA2,
    boothB,
    boothC,
    admX,
    admY,
    admZ,
    typeX,
    typeY,
    typeZ,
    agent1: await agent('agent1@ddfip18.gouv.fr', admX),
    agent2: await agent('agent2@caf18.fr', admY),
    agent3: await agent('agent3@ddfip58.gouv.fr', admZ),
  };
}

interface ConsultationRow {
  booth: string;
  agent: string;
  adm: string;
  type: string;
  start: string;
  minutes: number;
  status: 'scheduled' | 'in_progress' | 'ended' | 'cancelled' | 'done' | 'no_show';
  created: string;
  callStart?: string;
  callEnd?: string;
  cause?: string;
}

async function insertConsultation(t: TestApp, c: ConsultationRow): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO consultations (booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at, status, created_at,
                                call_started_at, call_ended_at, cancellation_cause, cancelled_at, citizen_name)
     VALUES ($1, $2, $3, $4, $5::timestamptz, $5::timestamptz + make_interval(mins => $6), $7, $8, $9, $10, $11,
             CASE WHEN $11::cancellation_cause IS NULL THEN NULL ELSE $8::timestamptz + interval '1 hour' END, 'Usager')
     RETURNING id`,
    [c.booth, c.agent, c.adm, c.type, c.start, c.minutes, c.status, c.created, c.callStart ?? null, c.callEnd ?? null, c.cause ?? null],
  );
  return row.id as string;
}

interface Quality {
  lobby?: string;
  media?: string;
  rtt?: number;
  loss?: number;
  audioOnly?: boolean;
  reconnections?: number;
  iceRestarts?: number;
  failure?: string;
}

/** Past consultations and what was recorded about them, as the comments of the first test count them. */
async function seedActivity(t: TestApp, s: Seeded): Promise<void> {
  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
  const x = { booth: s.boothA1, agent: s.agent1, adm: s.admX, type: s.typeX, minutes: 30 };
  const bx = { ...x, booth: s.boothB };
  const quality = (id: string, k: Quality) =>
    q(
      `INSERT INTO call_quality (consultation_id, booth_lobby_at, media_connected_at, rtt_median_ms, loss_median_pct, audio_only, reconnections, ice_restarts, connect_failure)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, k.lobby ? paris(k.lobby) : null, k.media ? paris(k.media) : null, k.rtt ?? null, k.loss ?? null, k.audioOnly ?? false, k.reconnections ?? 0, k.iceRestarts ?? 0, k.failure ?? null],
    );
  const consult = (c: Omit<ConsultationRow, 'start' | 'created' | 'callStart' | 'callEnd'> & { start: string; created: string; callStart?: string; callEnd?: string }) =>
    insertConsultation(t, { ...c, start: paris(c.start), created: paris(c.created), callStart: c.callStart && paris(c.callStart), callEnd: c.callEnd && paris(c.callEnd) });

  const a1 = await consult({ ...x, start: '09-07 10:00', created: '09-01 10:00', status: 'done', callStart: '09-07 10:02', callEnd: '09-07 10:32' });
  await quality(a1, { lobby: '09-07 09:58', media: '09-07 10:02', rtt: 40, loss: 0.5, iceRestarts: 1 });
  const a2 = await consult({ ...x, start: '09-08 10:00', created: '09-06 10:00', status: 'ended', callStart: '09-08 10:10', callEnd: '09-08 10:50' });
  await quality(a2, { lobby: '09-08 10:05', media: '09-08 10:10', rtt: 150, loss: 2, audioOnly: true, reconnections: 2, iceRestarts: 3 });
  // Admitted a minute early, its end never recorded (the outcome was given from the agenda).
  const a3 = await consult({ ...x, start: '09-10 10:00', created: '09-09 10:00', status: 'done', callStart: '09-10 09:59' });
  await quality(a3, { lobby: '09-10 09:50', media: '09-10 09:59', rtt: 450, loss: 6, reconnections: 1 });
  await consult({ ...x, start: '09-11 10:00', created: '08-31 10:00', status: 'cancelled', cause: 'citizen' });
  await consult({ ...x, start: '09-14 10:00', created: '09-04 10:00', status: 'cancelled', cause: 'mass' });
  await consult({ ...x, start: '09-15 10:00', created: '09-13 10:00', status: 'no_show' });
  const a7 = await consult({ ...x, start: '09-16 10:00', created: '09-15 10:00', status: 'scheduled' });
  await quality(a7, { lobby: '09-16 09:58' });
  await consult({ ...x, start: '09-17 10:00', created: '09-10 10:00', status: 'scheduled' });
  const a9 = await consult({ booth: s.boothA2, agent: s.agent2, adm: s.admY, type: s.typeY, minutes: 60, start: '09-18 14:00', created: '09-16 14:00', status: 'done', callStart: '09-18 14:00', callEnd: '09-18 14:45' });
  const a10 = await consult({ ...x, start: '09-18 10:00', created: '09-17 10:00', status: 'ended', callStart: '09-18 10:01', callEnd: '09-18 10:03' });
  await quality(a10, { lobby: '09-18 09:59', failure: 'ice_failed' });
  const b1 = await consult({ ...bx, start: '09-07 11:00', created: '09-07 08:00', status: 'done', callStart: '09-07 11:00', callEnd: '09-07 11:20' });
  await quality(b1, { lobby: '09-07 10:55', media: '09-07 11:00', rtt: 80, loss: 0 });
  await consult({ ...bx, start: '09-14 11:00', created: '09-01 11:00', status: 'cancelled', cause: 'agent_absence' });
  await consult({ ...bx, start: '09-15 11:00', created: '09-10 11:00', status: 'cancelled', cause: 'site_closure' });

  const z = { booth: s.boothC, agent: s.agent3, adm: s.admZ, type: s.typeZ, minutes: 30 };
  const c1 = await consult({ ...z, start: '09-08 10:00', created: '09-01 10:00', status: 'done', callStart: '09-08 10:00', callEnd: '09-08 10:30' });
  await quality(c1, { lobby: '09-08 09:59', media: '09-08 10:00', rtt: 60, loss: 1 });
  await consult({ ...z, start: '09-09 10:00', created: '09-01 10:00', status: 'cancelled', cause: 'service' });

  const doc = (consultation: string, status: string, rejection: string | null) =>
    q(
      `INSERT INTO documents (consultation_id, direction, sender_role, sender_name, title, status, rejection, key_id, wrapped_key)
       VALUES ($1, 'to_agent', 'booth', 'Cabine 1', 'Avis d’imposition', $2, $3, 'test', '\\x00')`,
      [consultation, status, rejection],
    );
  await doc(a1, 'ready', null);
  await doc(a1, 'ready', null);
  await doc(a1, 'scanning', null);
  await doc(a2, 'rejected', 'virus');
  await doc(a2, 'rejected', 'too_large');
  await doc(a9, 'rejected', 'virus');

  let token = 0;
  const response = (site: string, adm: string, type: string, day: string, answers: { satisfaction?: string; clarity?: number; sound?: string }) =>
    q(
      `INSERT INTO survey_responses (token_hash, msap_site_id, administration_id, consultation_type_id, satisfaction, clarity, sound, created_on, updated_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $8::date)`,
      [`hash-${++token}`, site, adm, type, answers.satisfaction ?? null, answers.clarity ?? null, answers.sound ?? null, `2026-${day}`],
    );
  await response(s.siteA, s.admX, s.typeX, '09-07', { satisfaction: 'good', clarity: 5 });
  await response(s.siteA, s.admX, s.typeX, '09-08', { satisfaction: 'medium', clarity: 3 });
  await response(s.siteB, s.admX, s.typeX, '09-14', { satisfaction: 'bad', sound: 'good' });
  await response(s.siteA, s.admY, s.typeY, '09-18', { satisfaction: 'good', clarity: 4 });
  await response(s.siteA, s.admX, s.typeX, '09-15', {});
  await response(s.siteA, s.admX, s.typeX, '09-21', { satisfaction: 'good' });
  await response(s.siteC, s.admZ, s.typeZ, '09-08', { satisfaction: 'bad' });

  const support = (consultation: string, autonomy: string | null, themes: string[]) =>
    q(`INSERT INTO consultation_support (consultation_id, autonomy, themes) VALUES ($1, $2, $3)`, [consultation, autonomy, themes]);
  await support(a1, 'autonome', ['argent_impots']);
  await support(a2, 'partiellement_autonome', ['argent_impots', 'logement']);
  await support(a9, null, ['famille_scolarite']);
  await support(b1, 'entierement_accompagne', []);
}
