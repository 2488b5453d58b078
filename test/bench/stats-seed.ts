/**
 * The statistics benchmark's data set (issue 15), seeded with set-based SQL only: every table is
 * filled by a few INSERT … SELECT over generate_series, never row by row. Synthetic but shaped like
 * the service: ~100 départements, 300 France Services sites with 1–3 booths, four administrations
 * per département with four agents each, three consultation types per administration, and
 * consultations on a grid of one-hour slots (09:00–17:00 Paris, Monday to Friday) over three years
 * ending six weeks from the seeding day.
 *
 * No two non-cancelled consultations overlap on a booth or an agent, by construction: a slot holds
 * one consultation per booth, and at a given slot the booths of a département (at most 15) get
 * distinct agents of that département (16) by a rotation. The exclusion constraints are dropped for
 * the bulk insert and added back afterwards, which validates every row against them.
 */
import { Client } from 'pg';
import { AUTONOMY_LEVELS, SUPPORT_THEMES } from '../../shared/support/support';
import { DOCUMENT_REJECTIONS } from '../../shared/documents/documents';
import { CONNECT_FAILURES } from '../../shared/stats/indicators';

export const SEED_VERSION = 1;

export interface SeedParameters {
  version: number;
  consultations: number;
  departements: number;
  sites: number;
  boothsPerSite: string;
  administrationsPerDepartement: number;
  agentsPerAdministration: number;
  typesPerAdministration: number;
  weeks: number;
  slotsPerDay: number;
  /** Monday (Paris) of the first seeded week: the data is reused only with the same parameters. */
  firstDay: string;
  randomSeed: number;
}

/** 94 metropolitan numbered départements (no 20), Corsica and four overseas: 100 codes. */
export function departementCodes(): string[] {
  const codes: string[] = [];
  for (let n = 1; n <= 95; n++) if (n !== 20) codes.push(String(n).padStart(2, '0'));
  codes.push('2A', '2B', '971', '972', '973', '974');
  return codes;
}

const ADMINISTRATION_KINDS = ['CAF', 'CPAM', 'DDFIP', 'Préfecture'];
const AGENTS_PER_ADMINISTRATION = 4;
const TYPE_DURATIONS = [20, 30, 45];
const SLOTS_PER_DAY = 8;
const WEEKS = 156;

export function seedParameters(consultations: number, firstDay: string): SeedParameters {
  return {
    version: SEED_VERSION,
    consultations,
    departements: departementCodes().length,
    sites: 300,
    boothsPerSite: '1–3',
    administrationsPerDepartement: ADMINISTRATION_KINDS.length,
    agentsPerAdministration: AGENTS_PER_ADMINISTRATION,
    typesPerAdministration: TYPE_DURATIONS.length,
    weeks: WEEKS,
    slotsPerDay: SLOTS_PER_DAY,
    firstDay,
    randomSeed: 0.42,
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Seeds `db` (migrated, demo data in it) and returns the seconds each step took. */
export async function seed(db: Client, p: SeedParameters, log: (text: string) => void): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const res = await db.query(sql, params);
    steps[name] = Math.round((performance.now() - t0) / 100) / 10 + (steps[name] ?? 0);
    log(`seed: ${name} ${steps[name]} s${res.rowCount ? ` (${res.rowCount} rows)` : ''}`);
  };
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET maintenance_work_mem = '256MB'`);
  await db.query(`SET work_mem = '64MB'`);
  await db.query(`SELECT setseed($1)`, [p.randomSeed]);
  await db.query(`DROP SCHEMA IF EXISTS bench CASCADE`);
  await db.query(`CREATE SCHEMA bench`);

  // ——— Référentiel: départements, administrations (with their office), types, agents, sites, booths.
  await step(
    'referential',
    `CREATE TABLE bench.dept AS
       SELECT (d - 1)::int AS idx, code,
              42.6 + ((d * 37) % 100) / 100.0 * 8.2 AS lat, -4.2 + ((d * 61) % 100) / 100.0 * 11.8 AS lon
         FROM unnest($1::text[]) WITH ORDINALITY AS t(code, d);
     CREATE TABLE bench.admin AS
       SELECT gen_random_uuid() AS id, d.idx AS dept_idx, d.code, (k.a - 1)::int AS a, k.kind,
              d.lat + (k.a - 2.5) * 0.02 AS lat, d.lon + (k.a - 2.5) * 0.02 AS lon
         FROM bench.dept d, unnest($2::text[]) WITH ORDINALITY AS k(kind, a);
     INSERT INTO administrations (id, name, departement, office_latitude, office_longitude)
       SELECT id, kind || ' — département ' || code, code, lat, lon FROM bench.admin;
     CREATE TABLE bench.type AS
       SELECT gen_random_uuid() AS id, a.id AS admin_id, (t.n - 1)::int AS t, t.minutes::int AS minutes
         FROM bench.admin a, unnest($3::int[]) WITH ORDINALITY AS t(minutes, n);
     INSERT INTO consultation_types (id, administration_id, subject, duration_minutes)
       SELECT id, admin_id, 'Rendez-vous de ' || minutes || ' minutes', minutes FROM bench.type;
     CREATE TABLE bench.agent AS
       SELECT gen_random_uuid() AS id, gen_random_uuid() AS user_id, a.dept_idx, a.code, a.id AS admin_id, a.a * $4::int + n AS k
         FROM bench.admin a, generate_series(0, $4::int - 1) n;
     INSERT INTO users (id, email, display_name, role)
       SELECT user_id, 'bench.agent.' || lower(code) || '.' || k || '@example.fr', 'Agent ' || code || '-' || k, 'agent' FROM bench.agent;
     INSERT INTO agents (id, user_id, administration_id, title) SELECT id, user_id, admin_id, 'Conseiller' FROM bench.agent;
     CREATE TABLE bench.site AS
       SELECT gen_random_uuid() AS id, (row_number() OVER (ORDER BY d.idx, s) - 1)::int AS idx, d.idx AS dept_idx, d.code, s,
              d.lat + ((s * 17) % 7 - 3) * 0.12 AS lat, d.lon + ((s * 11) % 7 - 3) * 0.15 AS lon
         FROM bench.dept d, generate_series(1, 1 + (d.idx * 7) % 5) s;
     INSERT INTO msap_sites (id, name, address, postal_code, city, departement, latitude, longitude)
       SELECT id, 'France Services ' || code || '-' || s, s || ' place de la Mairie',
              CASE WHEN length(code) = 3 THEN code || lpad(s::text, 2, '0') WHEN code IN ('2A', '2B') THEN '20' || lpad((s * 10)::text, 3, '0') ELSE code || lpad((s * 10)::text, 3, '0') END,
              'Commune ' || code || '-' || s, code, lat, lon
         FROM bench.site;
     CREATE TABLE bench.booth AS
       SELECT gen_random_uuid() AS id, s.id AS site_id, s.idx AS site_idx, s.dept_idx, n,
              (row_number() OVER (PARTITION BY s.dept_idx ORDER BY s.idx, n) - 1)::int AS rank,
              (row_number() OVER (ORDER BY s.idx, n) - 1)::int AS b
         FROM bench.site s, generate_series(1, 1 + (s.idx * 5) % 3) n;
     INSERT INTO booths (id, msap_site_id, name) SELECT id, site_id, 'Cabine ' || n FROM bench.booth;
     INSERT INTO msap_opening_hours (msap_site_id, weekday, start_minute, end_minute)
       SELECT s.id, w, 540, 1020 FROM bench.site s, generate_series(1, 5) w
       UNION ALL SELECT s.id, 6, 540, 720 FROM bench.site s WHERE s.idx % 4 = 0;
     CREATE INDEX ON bench.booth (b);
     CREATE INDEX ON bench.agent (dept_idx, k);`.replace(/\$1::text\[\]/, `'{${departementCodes().join(',')}}'::text[]`)
      .replace(/\$2::text\[\]/, `'{${ADMINISTRATION_KINDS.map((k) => `"${k}"`).join(',')}}'::text[]`)
      .replace(/\$3::int\[\]/, `'{${TYPE_DURATIONS.join(',')}}'::int[]`)
      .replaceAll('$4::int', String(AGENTS_PER_ADMINISTRATION)),
  );
  const [{ booths, maxPerDept, agentsPerDept }] = (
    await db.query(`SELECT (SELECT count(*)::int FROM bench.booth) AS booths,
                           (SELECT max(c)::int FROM (SELECT count(*) c FROM bench.booth GROUP BY dept_idx) x) AS "maxPerDept",
                           (SELECT min(c)::int FROM (SELECT count(*) c FROM bench.agent GROUP BY dept_idx) x) AS "agentsPerDept"`)
  ).rows;
  if (maxPerDept > agentsPerDept) throw new Error(`a département has ${maxPerDept} booths for ${agentsPerDept} agents: the agent rotation would overlap`);
  const slots = booths * p.weeks * 5 * p.slotsPerDay;
  if (p.consultations > slots) throw new Error(`${p.consultations} consultations do not fit in ${slots} slots`);
  // i ↦ i·P mod N is a permutation of the slots when gcd(P, N) = 1: exactly `consultations` of them are taken, spread evenly.
  let P = Math.floor(slots * 0.618_033_9);
  while (gcd(P, slots) !== 1) P++;

  // ——— Consultations: one materialised pass computes every row's facts, then one INSERT.
  await step(
    'consultation facts',
    `CREATE UNLOGGED TABLE bench.c AS
     WITH pick AS (
       SELECT i, i % ${booths} AS b, (i / ${booths}) % ${p.slotsPerDay} AS slot, i / ${booths} / ${p.slotsPerDay} AS day
         FROM generate_series(0::bigint, ${slots - 1}::bigint) i
        WHERE (i * ${P}::bigint) % ${slots} < ${p.consultations}
     ), placed AS (
       SELECT k.i, bo.id AS booth_id, bo.site_id, ag.id AS agent_id, ag.admin_id,
              ((date '${p.firstDay}' + ((k.day / 5) * 7 + k.day % 5)::int) + make_time(9 + k.slot::int, 0, 0)) AT TIME ZONE 'Europe/Paris' AS starts_at,
              random() AS u, random() AS v, random() AS w, random() AS x, random() AS y, floor(random() * 3)::int AS t
         FROM pick k
         JOIN bench.booth bo ON bo.b = k.b
         JOIN bench.agent ag ON ag.dept_idx = bo.dept_idx AND ag.k = (bo.rank + k.day * 3 + k.slot * 5) % 16
     ), typed AS (
       SELECT p.*, ty.id AS type_id, ty.minutes, p.starts_at + make_interval(mins => ty.minutes) AS ends_at,
              p.starts_at - make_interval(secs => (least(60, -ln(1 - p.y) * 9) * 86400)::int + 3600) AS booked_at
         FROM placed p JOIN bench.type ty ON ty.admin_id = p.admin_id AND ty.t = p.t
     )
     SELECT gen_random_uuid() AS id, *,
            CASE WHEN u < 0.15 THEN 'cancelled'
                 WHEN starts_at >= now() THEN 'upcoming'
                 WHEN u < 0.22 THEN 'no_show'
                 WHEN u < 0.245 THEN 'agent_no_show'
                 WHEN u < 0.26 THEN 'no_outcome'
                 WHEN u < 0.268 THEN 'connect_failed'
                 ELSE 'held' END AS kind
       FROM typed`,
  );
  // Bulk load: the exclusion constraints and secondary indexes of consultations go, then come back (validating every row).
  const constraints = (
    await db.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'consultations'::regclass AND contype = 'x'`)
  ).rows as Array<{ conname: string; def: string }>;
  const indexes = (
    await db.query(`SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
                     WHERE i.indrelid = 'consultations'::regclass AND NOT i.indisprimary
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`)
  ).rows as Array<{ name: string; def: string }>;
  for (const c of constraints) await db.query(`ALTER TABLE consultations DROP CONSTRAINT "${c.conname}"`);
  for (const i of indexes) await db.query(`DROP INDEX ${i.name}`);
  await step(
    'consultations',
    `INSERT INTO consultations (id, booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at, status, created_at, updated_at,
                                citizen_name, citizen_phone, cancellation_reason, cancelled_at, cancellation_cause,
                                call_started_at, call_ended_at, outcome_recorded_at, citizen_erased_at)
     SELECT id, booth_id, agent_id, admin_id, type_id, starts_at, ends_at, status::consultation_status, least(booked_at, now()), now(),
            CASE WHEN erased THEN 'Usager (données effacées)' ELSE 'Usager ' || i END,
            CASE WHEN erased THEN NULL ELSE '06' || lpad((i % 100000000)::text, 8, '0') END,
            CASE WHEN status = 'cancelled' AND NOT erased THEN 'Annulation (banc d’essai)' END,
            cancelled_at, cause::cancellation_cause, call_started_at, call_ended_at,
            CASE WHEN status IN ('done', 'no_show') THEN coalesce(call_ended_at, ends_at) END,
            CASE WHEN erased THEN coalesce(cancelled_at, ends_at) + interval '90 days' END
       FROM (
         SELECT c.*,
                CASE kind WHEN 'cancelled' THEN 'cancelled' WHEN 'upcoming' THEN 'scheduled' WHEN 'no_show' THEN 'no_show'
                          WHEN 'agent_no_show' THEN 'scheduled' WHEN 'no_outcome' THEN 'scheduled' WHEN 'connect_failed' THEN 'ended'
                          ELSE CASE WHEN x < 0.04 THEN 'ended' ELSE 'done' END END AS status,
                CASE WHEN kind = 'cancelled' THEN (ARRAY['citizen', 'citizen', 'citizen', 'agent_absence', 'agent_absence', 'site_closure', 'mass', 'service', 'service', 'citizen'])[1 + floor(v * 10)::int] END AS cause,
                CASE WHEN kind = 'cancelled' THEN least(booked_at + (starts_at - booked_at) * w, now()) END AS cancelled_at,
                CASE WHEN kind IN ('held', 'connect_failed') THEN starts_at + make_interval(secs => (-120 + w * w * 720)::int) END AS call_started_at,
                CASE WHEN kind = 'held' THEN starts_at + make_interval(secs => (-120 + w * w * 720 + minutes * 60 * (0.55 + x * 0.8))::int)
                     WHEN kind = 'connect_failed' THEN starts_at + make_interval(secs => (-120 + w * w * 720 + 180)::int) END AS call_ended_at,
                (CASE WHEN kind = 'cancelled' THEN least(booked_at + (starts_at - booked_at) * w, now()) ELSE starts_at + make_interval(mins => minutes) END)
                  < now() - interval '90 days' AS erased
           FROM bench.c c
       ) z`,
  );
  await step(
    'consultation constraints and indexes',
    [...constraints.map((c) => `ALTER TABLE consultations ADD CONSTRAINT "${c.conname}" ${c.def}`), ...indexes.map((i) => i.def)].join(';\n'),
  );

  // ——— What the calls left: call_quality for every call opened, and the booth's wait when the agent never came.
  await step(
    'call_quality',
    `INSERT INTO call_quality (consultation_id, booth_lobby_at, agent_joined_at, media_connected_at, first_frame_ms, joins, reconnections,
                               ice_restarts, audio_only, connect_failure, rtt_median_ms, loss_median_pct, samples, updated_at)
     SELECT c.id, c.starts_at - make_interval(secs => (r1 * 420)::int), c.call_started_at - interval '20 seconds',
            CASE WHEN f THEN NULL ELSE c.call_started_at + make_interval(secs => (1 + r2 * 4)::int) END,
            CASE WHEN f THEN NULL ELSE (250 + r2 * r2 * 3000)::int END,
            2 + recon, recon, CASE WHEN recon > 0 THEN recon + (r3 < 0.3)::int ELSE (r3 < 0.02)::int END,
            NOT f AND r4 < 0.06,
            CASE WHEN f THEN (ARRAY${JSON.stringify(CONNECT_FAILURES).replaceAll('"', "'")})[1 + floor(r5 * ${CONNECT_FAILURES.length})::int] END,
            CASE WHEN f THEN NULL ELSE (18 + 380 * r5 * r5 * r5)::real END,
            CASE WHEN f THEN NULL ELSE (6 * r1 * r1 * r1 * r1)::real END,
            CASE WHEN f THEN 0 ELSE extract(epoch FROM c.call_ended_at - c.call_started_at)::int / 10 END,
            c.call_ended_at
       FROM (SELECT c.*, k.kind = 'connect_failed' AS f,
                    CASE WHEN random() < 0.08 THEN 1 + floor(random() * 2.2)::int ELSE 0 END AS recon,
                    random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
               FROM bench.c k JOIN consultations c ON c.id = k.id WHERE k.kind IN ('held', 'connect_failed')) c
     UNION ALL
     SELECT c.id, c.starts_at - make_interval(secs => (random() * 300)::int), NULL, NULL, NULL, 1, 0, 0, false, NULL, NULL, NULL, 0, c.ends_at
       FROM bench.c k JOIN consultations c ON c.id = k.id
      WHERE k.kind = 'agent_no_show'`,
  );

  // ——— Documents (a quarter of the held consultations, one to three each, 8 % rejected), purged after 30 days.
  await step(
    'documents',
    `INSERT INTO documents (consultation_id, direction, sender_role, sender_name, title, status, rejection, pages, size_bytes, key_id, wrapped_key,
                            created_at, ready_at, deleted_at, purged_at)
     SELECT c.id, CASE WHEN r1 < 0.7 THEN 'to_agent' ELSE 'to_citizen' END::document_direction,
            CASE WHEN r1 < 0.7 THEN 'booth' ELSE 'agent' END, CASE WHEN r1 < 0.7 THEN 'Cabine' ELSE 'Agent' END,
            'Justificatif ' || n, CASE WHEN rej THEN 'rejected' ELSE 'ready' END::document_status,
            CASE WHEN rej THEN (ARRAY${JSON.stringify(DOCUMENT_REJECTIONS).replaceAll('"', "'")})[1 + floor(r2 * ${DOCUMENT_REJECTIONS.length})::int] END,
            CASE WHEN rej THEN NULL ELSE 1 + floor(r2 * 6)::int END, (20000 + r2 * 3000000)::bigint, 'bench', '\\x00'::bytea,
            at, CASE WHEN rej THEN NULL ELSE at + interval '4 seconds' END,
            CASE WHEN at < now() - interval '30 days' THEN at + interval '30 days' END,
            CASE WHEN at < now() - interval '30 days' THEN at + interval '30 days' END
       FROM (SELECT c.id, c.call_started_at + make_interval(secs => (60 + random() * 600)::int) AS at, n,
                    random() AS r1, random() AS r2, random() < 0.08 AS rej
               FROM consultations c, generate_series(1, 1 + abs(hashtext(c.id::text)) % 3) n
              WHERE c.call_ended_at IS NOT NULL AND c.status = 'done' AND random() < 0.25) c`,
  );

  // ——— The booth's anonymous survey: about 30 % of the held consultations answer.
  await step(
    'survey_responses',
    `INSERT INTO survey_responses (token_hash, consultation_type_id, msap_site_id, administration_id, satisfaction, clarity, sound, image, documents, created_on, updated_on)
     SELECT md5(c.id::text), c.consultation_type_id, b.msap_site_id, c.administration_id,
            CASE WHEN r1 < 0.03 THEN NULL WHEN r1 < 0.75 THEN 'good' WHEN r1 < 0.91 THEN 'medium' ELSE 'bad' END,
            CASE WHEN r2 < 0.05 THEN NULL ELSE least(5, 1 + floor(5 * sqrt(r2)))::smallint END,
            CASE WHEN r3 < 0.85 THEN 'good' WHEN r3 < 0.96 THEN 'medium' ELSE 'bad' END,
            CASE WHEN r3 < 0.80 THEN 'good' WHEN r3 < 0.95 THEN 'medium' ELSE 'bad' END,
            CASE WHEN r2 < 0.7 THEN 'not_concerned' ELSE 'good' END,
            (c.call_ended_at AT TIME ZONE 'Europe/Paris')::date, (c.call_ended_at AT TIME ZONE 'Europe/Paris')::date
       FROM (SELECT c.*, random() AS r1, random() AS r2, random() AS r3 FROM consultations c
              WHERE c.call_ended_at IS NOT NULL AND c.status = 'done' AND random() < 0.30) c
       JOIN booths b ON b.id = c.booth_id`,
  );

  // ——— The facilitator's checklist on 40 % of the held consultations.
  await step(
    'consultation_support',
    `INSERT INTO consultation_support (consultation_id, facilitator_present, autonomy, equipment, themes, revision, updated_at)
     SELECT c.id, true, (ARRAY${JSON.stringify(AUTONOMY_LEVELS).replaceAll('"', "'")})[1 + floor(r1 * ${AUTONOMY_LEVELS.length})::int],
            '{tablette}', CASE WHEN r2 < 0.7 THEN ARRAY[t1] ELSE ARRAY[t1, t2] END, 1, c.call_ended_at
       FROM (SELECT c.*, random() AS r1, random() AS r2,
                    (ARRAY${JSON.stringify(SUPPORT_THEMES).replaceAll('"', "'")})[1 + floor(random() * 4)::int] AS t1,
                    (ARRAY${JSON.stringify(SUPPORT_THEMES).replaceAll('"', "'")})[5 + floor(random() * ${SUPPORT_THEMES.length - 4})::int] AS t2
               FROM consultations c WHERE c.call_ended_at IS NOT NULL AND c.status = 'done' AND random() < 0.40) c`,
  );

  // ——— One day's closure per site and year.
  await step(
    'msap_closures',
    `INSERT INTO msap_closures (msap_site_id, starts_at, ends_at, reason)
     SELECT s.id, (date '${p.firstDay}' + (y * 364 + 30 + (s.idx * 13) % 300)) AT TIME ZONE 'Europe/Paris',
            (date '${p.firstDay}' + (y * 364 + 31 + (s.idx * 13) % 300)) AT TIME ZONE 'Europe/Paris', 'Fermeture exceptionnelle'
       FROM bench.site s, generate_series(0, 2) y`,
  );
  await db.query(`DROP TABLE bench.c`);
  await step('vacuum analyze', `VACUUM (ANALYZE)`);
  return steps;
}
