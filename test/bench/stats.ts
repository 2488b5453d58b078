/**
 * Statistics benchmark (issue 15): 1,000,000 consultations over three years across 300 France
 * Services sites (see stats-seed.ts), the built server as its own process, and:
 * - GET /api/stats for one département × one year (p50/p95 over 20 runs, each on another
 *   département, as an admin with the filter) and for a coordinator's own département,
 * - GET /api/stats national × one year, national × three years (the longest period allowed), and a
 *   ten-year period, which must be refused (422 PERIOD_TOO_LONG),
 * - the CSV export of the consultations of one national year, streamed to nowhere while the
 *   server's resident memory (VmRSS) is sampled every 100 ms.
 * Prints one JSON document; figures are reported against the targets, not asserted.
 *
 * The database (visio_bench_stats, or BENCH_STATS_DB) is kept between runs and reused when it was
 * seeded with the same parameters; BENCH_STATS_RESEED=1 seeds it again. The server is built into
 * .build/bench (STATS_SERVER_MAIN=<main.js> uses another build instead). BENCH_STATS_ONLY=csv measures
 * the exports only.
 *
 *   npx ts-node --transpile-only test/bench/stats.ts [consultations=1000000] [departementRuns=20] [nationalRuns=10]
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { freePort, randomRtcPort, waitHealthy, type ServerProcess } from '../support/process';
import { departementCodes, seed, seedParameters, type SeedParameters } from './stats-seed';

const ROOT = join(__dirname, '..', '..');
const [CONSULTATIONS, DEPARTEMENT_RUNS, NATIONAL_RUNS] = [1_000_000, 20, 10].map((d, i) => Math.max(1, Number(process.argv[i + 2] ?? d)));
const DATABASE = process.env.BENCH_STATS_DB ?? 'visio_bench_stats';
const PARIS = 'Europe/Paris';
const TARGETS = { departementYearP95Ms: 300, nationalYearP95Ms: 1000, csvRssGrowthMb: 64 };
const ADMIN = { email: 'admin@demo.visio-msap.fr', password: 'demo-admin-2026' };
/** The demo coordinator: département 45, which the bench data also covers. */
const COORDINATOR = { email: 'coordination@demo.visio-msap.fr', password: 'demo-coord-2026', departement: '45' };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;
const log = (text: string) => process.stderr.write(`${text}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: values.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted.at(-1) ?? NaN) };
}

function adminUrl(database = 'postgres'): string {
  const url = new URL(process.env.VISIO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The parameters the existing database was seeded with, or null (absent, unseeded, or seeding interrupted). */
async function seededWith(): Promise<(SeedParameters & { seedSeconds: number; seededAt: string }) | null> {
  const exists = await withClient(adminUrl(), async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).rowCount);
  if (!exists) return null;
  return withClient(adminUrl(DATABASE), async (c) => {
    const table = (await c.query(`SELECT to_regclass('bench.meta') AS t`)).rows[0].t;
    if (!table) return null;
    const row = (await c.query(`SELECT params, seed_seconds, seeded_at FROM bench.meta`)).rows[0];
    return row ? { ...row.params, seedSeconds: Number(row.seed_seconds), seededAt: (row.seeded_at as Date).toISOString() } : null;
  });
}

function serverMain(): string {
  if (process.env.STATS_SERVER_MAIN) return process.env.STATS_SERVER_MAIN;
  log('building the server into .build/bench …');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', '.build/bench'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return join(ROOT, '.build', 'bench', 'server', 'src', 'main.js');
}

/** The built server on the bench database: migrations at start, demo accounts, no retention sweep meanwhile. */
async function startServer(main: string): Promise<{ server: ServerProcess; base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server = spawnServer(main, {
    DATABASE_URL: adminUrl(DATABASE),
    DEMO_SEED: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    MEDIA_WORKERS: '1',
    RTC_LISTEN_IP: '127.0.0.1',
    RTC_PORT: randomRtcPort(),
    LOGIN_RATE_LIMIT: '1000',
    RETENTION_ENABLED: 'false',
  });
  // A new migration (an index on a million rows) can make the first start long.
  await waitHealthy(port, server, 600_000);
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}

/** The server process, with exactly this environment (plus PATH/HOME), logging warnings only. */
function spawnServer(main: string, env: Record<string, string>): ServerProcess {
  let output = '';
  // As scripts/start.sh runs it (source maps, 1 GB old generation, two malloc arenas): the RSS measured is production's.
  const child = spawn(process.execPath, ['--enable-source-maps', '--max-old-space-size=1024', main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', MALLOC_ARENA_MAX: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function login(base: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (res.status !== 200) throw new Error(`login ${account.email}: ${res.status} ${await res.text()}`);
  return String(res.headers.get('set-cookie')).split(';')[0]!;
}

interface Answer {
  status: number;
  ms: number;
  bytes: number;
  lines: number;
  body: string;
}

/** One GET, its body read to the end (kept only when `keep`), timed from the request to the last byte. */
function get(base: string, path: string, cookie: string, keep = true): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get({ host: url.hostname, port: url.port, path, headers: { cookie } }, (res) => {
      let body = '';
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        if (keep || body.length < 4096) body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes, lines, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const statsPath = (query: Record<string, string>) => `/api/stats?${new URLSearchParams(query)}`;

/** Runs GET /api/stats once per query (after one warm-up on the first), or says why it could not. */
interface Measured {
  skipped?: string;
  p95Ms?: number;
  lastValues?: { booked?: number | null; held?: number | null };
}

async function measure(base: string, cookie: string, queries: Array<Record<string, string>>, serverPid: number): Promise<Measured & Record<string, unknown>> {
  if (process.env.BENCH_STATS_ONLY === 'csv') return { skipped: 'BENCH_STATS_ONLY=csv' };
  const warm = await get(base, statsPath(queries[0]!), cookie);
  if (warm.status !== 200) return { skipped: `GET /api/stats answered ${warm.status}: ${warm.body.slice(0, 200)}` };
  const cpuBefore = cpuMs(serverPid);
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  let sample: { booked?: number | null; held?: number | null } = {};
  for (const query of queries) {
    const answer = await get(base, statsPath(query), cookie);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    times.push(answer.ms);
    if (answer.status === 200) {
      const values = (JSON.parse(answer.body) as { values?: Record<string, number | null> }).values ?? {};
      sample = { booked: values.booked, held: values.held };
    } else log(`GET ${statsPath(query)}: ${answer.status} ${answer.body.slice(0, 200)}`);
  }
  // The Node process's own CPU per report (JSON, scope, buckets): unlike the durations, hardly changed by a busy machine.
  const serverCpuMsPerReq = round((cpuMs(serverPid) - cpuBefore) / queries.length);
  return { ...summary(times), serverCpuMsPerReq, statuses, responseKb: round(warm.bytes / 1000), lastValues: sample };
}

/** CPU time (user + system, ms) a process used so far, from /proc (100 Hz ticks). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process in MB (VmRSS), or NaN when gone. */
function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function measureCsv(base: string, cookie: string, pid: number, from: string, to: string) {
  const path = `/api/stats/export?${new URLSearchParams({ format: 'csv', table: 'consultations', from, to })}`;
  // The baseline: the server settled after the statistics runs (a collection may still shrink it).
  await sleep(2000);
  const baselines: number[] = [];
  for (let i = 0; i < 10; i++, await sleep(100)) baselines.push(rssMb(pid));
  const baseline = Math.min(...baselines);
  let peak = baseline;
  const samples: number[] = [];
  const timer = setInterval(() => {
    const now = rssMb(pid);
    samples.push(now);
    if (now > peak) peak = now;
  }, 100);
  let answer: Answer;
  try {
    answer = await get(base, path, cookie, false);
  } finally {
    clearInterval(timer);
  }
  const after = rssMb(pid);
  if (answer.status !== 200) return { skipped: `GET ${path} answered ${answer.status}: ${answer.body.slice(0, 200)}` };
  const growth = peak - baseline;
  return {
    route: path,
    rows: Math.max(0, answer.lines - 1),
    bytes: answer.bytes,
    mb: round(answer.bytes / 1e6),
    durationMs: Math.round(answer.ms),
    rowsPerSec: Math.round((answer.lines - 1) / (answer.ms / 1000)),
    rss: { baselineMb: round(baseline), peakMb: round(peak), afterMb: round(after), growthMb: round(growth), samples: samples.length },
    target: `RSS growth < ${TARGETS.csvRssGrowthMb} MB`,
    pass: growth < TARGETS.csvRssGrowthMb,
  };
}

/** What the database holds, to say what was measured on. */
async function rowCounts(db: Client) {
  const [counts] = (
    await db.query(`SELECT (SELECT count(*)::int FROM consultations) AS consultations, (SELECT count(*)::int FROM msap_sites) AS sites,
        (SELECT count(*)::int FROM booths) AS booths, (SELECT count(*)::int FROM agents) AS agents, (SELECT count(*)::int FROM administrations) AS administrations,
        (SELECT count(DISTINCT departement)::int FROM msap_sites) AS departements, (SELECT count(*)::int FROM call_quality) AS "callQuality",
        (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM survey_responses) AS "surveyResponses",
        (SELECT count(*)::int FROM consultation_support) AS "consultationSupport", (SELECT count(*)::int FROM msap_opening_hours) AS "openingHours",
        (SELECT pg_size_pretty(pg_database_size(current_database()))) AS "databaseSize"`)
  ).rows;
  const byStatus = Object.fromEntries(
    (await db.query(`SELECT status::text AS s, count(*)::int AS n FROM consultations GROUP BY 1 ORDER BY 1`)).rows.map((r) => [r.s, r.n]),
  );
  const [kinds] = (
    await db.query(`SELECT count(*) FILTER (WHERE status = 'scheduled' AND starts_at >= now())::int AS upcoming,
        count(*) FILTER (WHERE q.booth_lobby_at IS NOT NULL AND c.call_started_at IS NULL AND c.status <> 'cancelled' AND c.starts_at < now())::int AS "agentNoShow",
        count(*) FILTER (WHERE q.connect_failure IS NOT NULL)::int AS "connectFailed", count(*) FILTER (WHERE q.audio_only)::int AS "audioOnly"
       FROM consultations c LEFT JOIN call_quality q ON q.consultation_id = c.id`)
  ).rows;
  const byCause = Object.fromEntries(
    (await db.query(`SELECT cancellation_cause::text AS s, count(*)::int AS n FROM consultations WHERE status = 'cancelled' GROUP BY 1 ORDER BY 1`)).rows.map((r) => [r.s, r.n]),
  );
  return { ...counts, byStatus, cancelledByCause: byCause, ...kinds };
}

/** Consultations whose appointment falls in [from, to] (Paris days), to check the API's « booked » against. */
async function bookedIn(db: Client, from: string, to: string, departement?: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM consultations c JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id
      WHERE c.starts_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/Paris' AND c.starts_at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'
        AND ($3::text IS NULL OR s.departement = $3)`,
    [from, to, departement ?? null],
  );
  return rows[0].n as number;
}

async function main(): Promise<void> {
  const main = serverMain();
  const today = DateTime.now().setZone(PARIS).startOf('day');
  const existing = await seededWith();
  const wanted = seedParameters(CONSULTATIONS, existing?.firstDay ?? today.minus({ weeks: 150 }).startOf('week').toISODate()!);
  const reuse = !process.env.BENCH_STATS_RESEED && existing !== null && JSON.stringify(seedParameters(CONSULTATIONS, existing.firstDay)) === JSON.stringify(pick(existing, wanted));
  let seeding: { reused: boolean; seconds: number; steps?: Record<string, number>; seededAt: string };
  const params = reuse ? wanted : seedParameters(CONSULTATIONS, today.minus({ weeks: 150 }).startOf('week').toISODate()!);
  if (reuse) {
    log(`reusing ${DATABASE}, seeded ${existing!.seededAt} in ${existing!.seedSeconds} s`);
    seeding = { reused: true, seconds: existing!.seedSeconds, seededAt: existing!.seededAt };
  } else {
    await withClient(adminUrl(), async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${DATABASE}`);
    });
    // Migrations and the demo accounts, by the server itself; then seeding with the server stopped.
    const first = await startServer(main);
    await first.stop();
    const t0 = performance.now();
    const steps = await withClient(adminUrl(DATABASE), async (db) => {
      const steps = await seed(db, params, log);
      await db.query(`CREATE TABLE bench.meta (params jsonb NOT NULL, seed_seconds real NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())`);
      await db.query(`INSERT INTO bench.meta (params, seed_seconds) VALUES ($1, $2)`, [JSON.stringify(params), round((performance.now() - t0) / 1000)]);
      return steps;
    });
    seeding = { reused: false, seconds: round((performance.now() - t0) / 1000), steps, seededAt: new Date().toISOString() };
  }

  const app = await startServer(main);
  const db = new Client({ connectionString: adminUrl(DATABASE) });
  await db.connect();
  try {
    const counts = await rowCounts(db);
    const admin = await login(app.base, ADMIN);
    const coordinator = await login(app.base, COORDINATOR);
    const to = today.minus({ days: 1 });
    const year = { from: to.minus({ days: 364 }).toISODate()!, to: to.toISODate()! };
    const threeYears = { from: to.minus({ days: 1095 }).toISODate()!, to: to.toISODate()! };
    const tenYears = { from: to.minus({ years: 10 }).toISODate()!, to: to.toISODate()! };
    const pid = app.server.child.pid!;
    const codes = departementCodes();
    const departements = Array.from({ length: DEPARTEMENT_RUNS }, (_, i) => codes[(i * 5 + 2) % codes.length]!);

    log('département × year …');
    const departementYear = await measure(app.base, admin, departements.map((departement) => ({ ...year, departement })), pid);
    log('coordinator, own département × year …');
    const coordinatorYear = await measure(app.base, coordinator, Array.from({ length: 5 }, () => ({ ...year })), pid);
    log('national × year …');
    const nationalYear = await measure(app.base, admin, Array.from({ length: NATIONAL_RUNS }, () => ({ ...year })), pid);
    log('national × three years …');
    const nationalThreeYears = await measure(app.base, admin, Array.from({ length: 3 }, () => ({ ...threeYears })), pid);
    const tooLong = await get(app.base, statsPath(tenYears), admin);
    let tooLongCode: unknown = null;
    try {
      tooLongCode = (JSON.parse(tooLong.body) as { code?: unknown }).code ?? null;
    } catch {
      // not JSON
    }
    log('CSV export of a national year …');
    const csv = await measureCsv(app.base, admin, pid, year.from, year.to);
    // The control: three times the rows. A file held in memory would grow the RSS three times as much.
    log('CSV export of three national years (control) …');
    const csvThreeYears = await measureCsv(app.base, admin, pid, threeYears.from, threeYears.to);

    const check = async (m: Measured, from: string, to: string, departement?: string) => {
      const expected = await bookedIn(db, from, to, departement);
      return { bookedFromApi: m.lastValues?.booked ?? null, bookedBySql: expected, equal: m.lastValues?.booked === expected };
    };
    const pass = (m: Measured, target: number) => (m.p95Ms === undefined ? null : m.p95Ms < target);

    const result = {
      benchmark: 'stats',
      caveat: 'measured on a CPU shared with other work (see machine.loadAverage): latencies are upper bounds; the reference run is on a quiet machine',
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memoryGb: round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: (await db.query('SHOW server_version')).rows[0].server_version,
        loadAverage: os.loadavg().map(round),
      },
      database: DATABASE,
      seed: { parameters: params, ...seeding },
      rows: counts,
      periods: { year, threeYears, tenYears },
      departementYear: {
        route: 'GET /api/stats?from&to&departement (admin, 20 départements)',
        departements,
        ...departementYear,
        sanity: await check(departementYear, year.from, year.to, departements.at(-1)),
        target: `p95 < ${TARGETS.departementYearP95Ms} ms`,
        pass: pass(departementYear, TARGETS.departementYearP95Ms),
      },
      coordinatorYear: {
        route: `GET /api/stats?from&to (coordinator of ${COORDINATOR.departement}, no filter)`,
        ...coordinatorYear,
        sanity: await check(coordinatorYear, year.from, year.to, COORDINATOR.departement),
        target: `p95 < ${TARGETS.departementYearP95Ms} ms`,
        pass: pass(coordinatorYear, TARGETS.departementYearP95Ms),
      },
      nationalYear: {
        route: 'GET /api/stats?from&to (admin)',
        ...nationalYear,
        sanity: await check(nationalYear, year.from, year.to),
        target: `p95 < ${TARGETS.nationalYearP95Ms} ms`,
        pass: pass(nationalYear, TARGETS.nationalYearP95Ms),
      },
      nationalThreeYears: { route: 'GET /api/stats?from&to (admin, the longest period allowed)', ...nationalThreeYears },
      tenYears: { status: tooLong.status, code: tooLongCode, ms: round(tooLong.ms), target: '422 PERIOD_TOO_LONG', pass: tooLong.status === 422 && tooLongCode === 'PERIOD_TOO_LONG' },
      csvNationalYear: csv,
      csvNationalThreeYears: { ...csvThreeYears, target: 'control: growth about that of one year if the export streams' },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await db.end().catch(() => undefined);
    await app.stop();
  }
}

/** The stored parameters, restricted to the keys of `shape` (the stored row also has its timings). */
function pick(stored: object, shape: object): object {
  return Object.fromEntries(Object.keys(shape).map((k) => [k, (stored as Record<string, unknown>)[k]]));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
