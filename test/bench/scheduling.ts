/**
 * Scheduling benchmark: booking throughput on free and on contended slots, and slot search over
 * 2 weeks × 50 agents × 20 booths with 10,000 existing bookings. The server runs as its own process
 * (like production) on a fresh database of the local PostgreSQL; this process only sends requests.
 * Prints one JSON document.
 *
 *   npx ts-node --transpile-only test/bench/scheduling.ts [bookings=3000] [concurrency=32] [searches=200]
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { freePort, randomRtcPort, waitHealthy } from '../support/process';

const ROOT = join(__dirname, '..', '..');
const [BOOKINGS, CONCURRENCY, SEARCHES] = [3000, 32, 200].map((d, i) => Math.max(1, Number(process.argv[i + 2] ?? d)));
const AGENTS = 50;
const BOOTHS = 20;
const EXISTING = 10_000;
const PARIS = 'Europe/Paris';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The load generator: node:http over a keep-alive pool, one socket per request in flight. fetch
 * (undici) cost this process about as much CPU per request as the server, on the same two cores;
 * real clients are browsers on other machines.
 */
function httpClient(base: string, headers: Record<string, string>, sockets: number) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return (method: string, path: string, body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordination@demo.visio-msap.fr', password: 'demo-coord-2026' }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0]!, csrf: body.csrfToken };
}

/** CPU time (user + system, ms) used so far by these processes, from /proc (Linux, 100 Hz ticks). */
function cpuMs(pids: number[], which: 'all' | 'system' = 'all'): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += (which === 'all' ? Number(fields[11]) : 0) + Number(fields[12]);
    } catch {
      // process gone
    }
  }
  return ticks * 10;
}

/**
 * CPU used by PostgreSQL for one database while running: its backends (found by their process title,
 * polled every 50 ms so that connections the pool opens or closes meanwhile are counted, a new one
 * from zero) and, separately, the shared WAL writer, background writer and checkpointer (which also
 * work for any other database of the server). The bench's own connection is left out.
 */
function trackPostgres(database: string, exclude: number) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const background = new Set<number>();
  let started = false;
  const poll = () => {
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === exclude) continue;
      let title: string;
      try {
        title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!title.startsWith('postgres: ')) continue;
      const isBackend = title.includes(` ${database} `);
      const isBackground = / (walwriter|background writer|checkpointer)/.test(title);
      if (!isBackend && !isBackground) continue;
      if (isBackground) background.add(pid);
      const cpu = cpuMs([pid]);
      if (!first.has(pid)) first.set(pid, started ? 0 : cpu);
      last.set(pid, cpu);
    }
  };
  poll();
  started = true;
  const timer = setInterval(poll, 50);
  return () => {
    clearInterval(timer);
    poll();
    let backends = 0;
    let shared = 0;
    for (const [pid, end] of last) {
      const used = end - first.get(pid)!;
      if (background.has(pid)) shared += used;
      else backends += used;
    }
    return { backends, shared };
  };
}

/** Runs `total` requests with `concurrency` in flight; returns status counts, latencies and rate. */
async function load(total: number, concurrency: number, send: (i: number) => Promise<number>, cpu?: () => { server: number[]; postgres: () => () => { backends: number; shared: number } }) {
  const pids = cpu?.();
  const stopPostgres = pids?.postgres();
  const cpuBefore = pids ? ([cpuMs(pids.server), process.cpuUsage(), cpuMs(pids.server, 'system')] as const) : null;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const status = await send(i);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  // CPU per request, independent of what else the machine runs: what two idle cores could sustain.
  const cpuCost =
    pids && cpuBefore && stopPostgres
      ? (() => {
          const server = (cpuMs(pids.server) - cpuBefore[0]) / total;
          const pg = stopPostgres();
          const postgres = pg.backends / total;
          const client = process.cpuUsage(cpuBefore[1]);
          return {
            serverCpuMsPerReq: round(server),
            // The kernel's part of it: mostly socket writes and reads (HTTP, and PostgreSQL over TCP).
            serverSystemCpuMsPerReq: round((cpuMs(pids.server, 'system') - cpuBefore[2]) / total),
            postgresCpuMsPerReq: round(postgres),
            // WAL writer, background writer, checkpointer: shared with whatever else uses the server.
            postgresSharedCpuMsPerReq: round(pg.shared / total),
            // This load generator, on the same two cores: it slows the measured rate, not the CPU figures.
            clientCpuMsPerReq: round((client.user + client.system) / 1000 / total),
            projectedReqPerSecOn2Cores: Math.round(2000 / (server + postgres + pg.shared / total)),
          };
        })()
      : {};
  return {
    ...cpuCost,
    requests: total,
    concurrency,
    reqPerSec: Math.round(total / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    statuses,
  };
}

/** Fifty agents (one administration), twenty booths (one MSAP), open and available 08:00–20:00 every day. */
async function seed(db: Client) {
  const [admin] = (await db.query(`SELECT id FROM administrations WHERE name = 'DDFIP du Loiret'`)).rows;
  const [site] = (await db.query(`SELECT id FROM msap_sites WHERE name LIKE '%Pithiviers'`)).rows;
  const [type] = (await db.query(`SELECT id FROM consultation_types WHERE administration_id = $1 AND duration_minutes = 30`, [admin.id])).rows;
  await db.query(`DELETE FROM msap_opening_hours WHERE msap_site_id = $1`, [site.id]);
  await db.query(`INSERT INTO msap_opening_hours (msap_site_id, weekday, start_minute, end_minute) SELECT $1, d, 480, 1200 FROM generate_series(1, 7) d`, [site.id]);
  await db.query(`INSERT INTO booths (msap_site_id, name) SELECT $1, 'Bench ' || n FROM generate_series(1, $2::int) n`, [site.id, BOOTHS - 2]);
  const booths = (await db.query(`SELECT id FROM booths WHERE msap_site_id = $1 ORDER BY name`, [site.id])).rows.map((r) => r.id as string);
  await db.query(
    `WITH u AS (INSERT INTO users (email, display_name, role) SELECT 'bench.agent' || n || '@example.fr', 'Agent ' || n, 'agent' FROM generate_series(1, $2::int) n RETURNING id)
     INSERT INTO agents (user_id, administration_id) SELECT id, $1 FROM u`,
    [admin.id, AGENTS - 1],
  );
  const agents = (await db.query(`SELECT id FROM agents WHERE administration_id = $1 ORDER BY id`, [admin.id])).rows.map((r) => r.id as string);
  await db.query(`DELETE FROM agent_availabilities WHERE agent_id = ANY($1)`, [agents]);
  await db.query(`INSERT INTO agent_availabilities (agent_id, weekday, start_minute, end_minute) SELECT a, d, 480, 1200 FROM unnest($1::uuid[]) a, generate_series(1, 7) d`, [agents]);
  return { siteId: site.id as string, typeId: type.id as string, booths, agents };
}

/**
 * 10,000 bookings over six weeks from `start`, 08:00–18:00, half-hour slots: at a given instant the
 * booths map to distinct agents, so the rows respect both exclusion constraints.
 */
async function seedBookings(db: Client, start: DateTime, s: Awaited<ReturnType<typeof seed>>, administrationId: string) {
  const rows: unknown[][] = [];
  for (let d = 0; d < 42 && rows.length < EXISTING; d++) {
    for (let slot = 0; slot < 20 && rows.length < EXISTING; slot++) {
      const at = start.plus({ days: d }).set({ hour: 8 + Math.floor(slot / 2), minute: (slot % 2) * 30 });
      for (let b = 0; b < BOOTHS && rows.length < EXISTING; b++) {
        if ((b + slot + d) % 5 >= 3) continue;
        rows.push([s.booths[b], s.agents[(2 * b + slot + d) % AGENTS], at.toJSDate(), at.plus({ minutes: 30 }).toJSDate()]);
      }
    }
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.query(
      `INSERT INTO consultations (booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at, citizen_name)
       SELECT b, a, $1, $2, s, e, 'Bench' FROM unnest($3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[]) AS t(b, a, s, e)`,
      [administrationId, s.typeId, chunk.map((r) => r[0]), chunk.map((r) => r[1]), chunk.map((r) => r[2]), chunk.map((r) => r[3])],
    );
  }
  return rows.length;
}

async function main(): Promise<void> {
  if (!process.env.VISIO_TEST_PG_URL) process.env.VISIO_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase();
  const port = await freePort();
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server, to see where a request's time goes.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // The server as `npm start` runs it: the compiled build (ts-node would load node:repl, hence
  // node:domain, whose hooks slow every EventEmitter and promise), brought up to date first.
  execFileSync('bash', ['scripts/setup.sh'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const child = spawn(process.execPath, [...profile, '--enable-source-maps', 'dist/server/src/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      DATABASE_URL: database.url,
      DEMO_SEED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MEDIA_WORKERS: '1',
      RTC_LISTEN_IP: '127.0.0.1',
      RTC_PORT: randomRtcPort(),
      LOGIN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const db = new Client({ connectionString: database.url });
  try {
    await waitHealthy(port, { child, output: () => output, exited: new Promise(() => undefined) }, 120_000);
    await db.connect();
    const base = `http://127.0.0.1:${port}`;
    const s = await seed(db);
    const [{ id: administrationId }] = (await db.query(`SELECT id FROM administrations WHERE name = 'DDFIP du Loiret'`)).rows;
    const firstMonday = DateTime.now().setZone(PARIS).startOf('week').plus({ weeks: 2 });
    const existing = await seedBookings(db, firstMonday, s, administrationId);
    await db.query('ANALYZE');
    const session = await login(base);
    const headers = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf };
    // The server process and every PostgreSQL backend of its database (its pool), plus the WAL writer.
    const [{ name: databaseName, pid: ownPid }] = (await db.query(`SELECT current_database() AS name, pg_backend_pid() AS pid`)).rows;
    const cpu = () => ({ server: [child.pid!], postgres: () => trackPostgres(databaseName, ownPid) });
    const request = httpClient(base, headers, CONCURRENCY);
    const status = async (method: string, path: string, body?: object) => (await request(method, path, body && JSON.stringify(body))).status;
    const book = (body: object) => status('POST', '/api/consultations', body);

    // Slot search over weeks 2–3 of the seeded period, every agent of the administration, every booth of the MSAP.
    const searchFrom = firstMonday.plus({ weeks: 1 });
    const searchUrl = (limit: number) =>
      `/api/slots?${new URLSearchParams({
        consultationTypeId: s.typeId,
        msapSiteId: s.siteId,
        from: searchFrom.toISO()!,
        to: searchFrom.plus({ weeks: 2 }).toISO()!,
        limit: String(limit),
      })}`;
    const { body: sampleText } = await request('GET', searchUrl(2000));
    const sample = JSON.parse(sampleText) as { slots: unknown[]; truncated: boolean };
    const inWindow = (await db.query(`SELECT count(*)::int AS n FROM consultations WHERE starts_at >= $1 AND starts_at < $2`, [searchFrom.toJSDate(), searchFrom.plus({ weeks: 2 }).toJSDate()])).rows[0].n;
    for (let i = 0; i < 20; i++) await request('GET', searchUrl(2000)); // warm-up
    const searchFull = await load(SEARCHES, 1, () => status('GET', searchUrl(2000)), cpu);
    const searchDefault = await load(SEARCHES, 1, () => status('GET', searchUrl(500)));

    // The floor: an authenticated GET that reads the session and nothing else.
    await load(CONCURRENCY * 4, CONCURRENCY, () => status('GET', '/api/auth/me')); // fills the pools
    const baseline = await load(Math.min(BOOKINGS, 2000), CONCURRENCY, () => status('GET', '/api/auth/me'), cpu);

    // Free slots: every request a distinct (booth, agent, time) after the seeded period.
    const freeStart = firstMonday.plus({ weeks: 7 });
    const freeSlot = (i: number) => {
      const perDay = 24 * BOOTHS; // 08:00–20:00, half hours, one request per booth
      const day = Math.floor(i / perDay);
      const slot = Math.floor((i % perDay) / BOOTHS);
      const b = i % BOOTHS;
      const at = freeStart.plus({ days: day }).set({ hour: 8 + Math.floor(slot / 2), minute: (slot % 2) * 30 });
      return { boothId: s.booths[b], agentId: s.agents[(2 * b + slot) % AGENTS], startsAt: at.toISO() };
    };
    for (let i = 0; i < 50; i++) await book({ ...freeSlot(BOOKINGS + i), consultationTypeId: s.typeId, citizen: { name: 'Warm up' } });
    const free = await load(BOOKINGS, CONCURRENCY, (i) => book({ ...freeSlot(i), consultationTypeId: s.typeId, citizen: { name: 'Citoyen ' + i, phone: '0612345678' } }), cpu);

    // Contended: 100 requests per slot, for BOOKINGS/100 slots, each slot a (booth, agent, time) of its own.
    const contendedStart = freeStart.plus({ weeks: 4 });
    const slots = Math.max(1, Math.floor(BOOKINGS / 100));
    const contended = await load(slots * 100, CONCURRENCY, (i) => {
      const k = i % slots; // interleaved: the 100 requests of a slot are in flight together
      const at = contendedStart.plus({ days: Math.floor(k / 24) }).set({ hour: 8 + Math.floor((k % 24) / 2), minute: (k % 2) * 30 });
      return book({ boothId: s.booths[0], agentId: s.agents[0], consultationTypeId: s.typeId, startsAt: at.toISO(), citizen: { name: 'Contended' } });
    }, cpu);

    const overlaps = (
      await db.query(
        `SELECT count(*)::int AS n FROM consultations x JOIN consultations y ON x.id < y.id AND (x.booth_id = y.booth_id OR x.agent_id = y.agent_id)
          WHERE x.status <> 'cancelled' AND y.status <> 'cancelled' AND x.starts_at < y.ends_at AND y.starts_at < x.ends_at`,
      )
    ).rows[0].n as number;

    const result = {
      benchmark: 'scheduling',
      machine: { cores: (await import('node:os')).cpus().length, node: process.version, postgres: (await db.query('SHOW server_version')).rows[0].server_version },
      setup: { agents: s.agents.length, booths: s.booths.length, existingBookings: existing, bookingsInSearchWindow: inWindow },
      machineLoadAverage: (await import('node:os')).loadavg().map(round),
      authenticatedGetBaseline: { route: 'GET /api/auth/me', ...baseline },
      bookingFree: { ...free, target: '>= 1000 req/s, p99 < 50 ms' },
      bookingContended: { ...contended, slots, created: contended.statuses[201] ?? 0, expectedCreated: slots, target: 'exactly one 201 per slot' },
      doubleBookings: overlaps,
      slotSearch: {
        window: '2 weeks, 30-minute type, 15-minute grid, 50 agents × 20 booths',
        slotsReturned: sample.slots.length,
        responseKb: Math.round(sampleText.length / 1024),
        truncated: sample.truncated,
        full: { limit: 2000, ...searchFull },
        defaultLimit: { limit: 500, ...searchDefault },
        target: 'p95 < 50 ms',
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await db.end().catch(() => undefined);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN ANALYZE; its URL goes to stderr.
    if (process.env.BENCH_KEEP_DB) process.stderr.write(`kept database: ${database.url}\n`);
    else await database.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
