/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statistics' section queries (server/src/stats/queries), built by
 * the server's own functions, on the benchmark database of stats.ts: where a report's time goes,
 * query by query. Prints one JSON document (execution and planning ms, and the plan's top lines);
 * BENCH_EXPLAIN_PLANS=1 prints the whole plans to stderr; BENCH_EXPLAIN_SET='jit=off,work_mem=64MB' sets
 * those for the session first (to compare); BENCH_EXPLAIN_SCOPES=national runs one scope only.
 *
 *   npx ts-node --transpile-only test/bench/stats-explain.ts [departement=45] [from] [to]
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { consultationTotals } from '../../server/src/stats/queries/consultations.query';
import { documentTotals } from '../../server/src/stats/queries/documents.query';
import { surveyBuckets } from '../../server/src/stats/queries/satisfaction.query';
import { siteBuckets } from '../../server/src/stats/queries/series.query';
import { supportTotals } from '../../server/src/stats/queries/support.query';
import { travelPairs } from '../../server/src/stats/queries/travel.query';
import { parsePeriod } from '../../server/src/stats/stats-period';
import type { StatsScope } from '../../server/src/stats/stats-scope';

const DATABASE = process.env.BENCH_STATS_DB ?? 'visio_bench_stats';
const departement = process.argv[2] ?? '45';
const yesterday = DateTime.now().setZone('Europe/Paris').startOf('day').minus({ days: 1 });
const to = process.argv[4] ?? yesterday.toISODate()!;
const from = process.argv[3] ?? yesterday.minus({ days: 364 }).toISODate()!;

async function scopeOf(db: Client, dep: string | null): Promise<StatsScope> {
  const sites = (await db.query(`SELECT id, name, departement FROM msap_sites WHERE ($1::varchar IS NULL OR departement = $1) ORDER BY name, id`, [dep])).rows;
  const booths = (
    await db.query(
      `SELECT b.id, b.msap_site_id AS "siteId", b.retired_at AS "retiredAt" FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE ($1::varchar IS NULL OR s.departement = $1)`,
      [dep],
    )
  ).rows;
  return { filters: dep ? { departement: dep } : {}, sites, booths, bySite: dep !== null };
}

async function main(): Promise<void> {
  const url = new URL(process.env.VISIO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${DATABASE}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  const settings = (process.env.BENCH_EXPLAIN_SET ?? '').split(',').filter(Boolean);
  for (const setting of settings) {
    const [name, value] = setting.split('=') as [string, string];
    await db.query(`SELECT set_config($1, $2, false)`, [name.trim(), value.trim()]);
  }
  const only = process.env.BENCH_EXPLAIN_SCOPES;
  // All the work in this backend, whose CPU time /proc gives: comparable on a machine shared with others, unlike durations.
  await db.query(`SET max_parallel_workers_per_gather = 0`);
  const backend = (await db.query(`SELECT pg_backend_pid() AS pid`)).rows[0].pid as number;
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const period = parsePeriod(from, to);
  const now = Date.now();
  const out: Record<string, Record<string, unknown>> = {};
  try {
    for (const [label, dep] of [[`departement ${departement}`, departement], ['national', null]] as const) {
      if (only && !label.startsWith(only)) continue;
      const scope = await scopeOf(db, dep);
      const captured: Array<{ name: string; sql: string; params: unknown[] }> = [];
      const capture = (name: string) => (sql: string, params: unknown[]) => {
        // A section of several queries (the totals: consultations, then quality) names them name, name#2…
        const n = captured.filter((c) => c.name === name || c.name.startsWith(`${name}#`)).length;
        captured.push({ name: n ? `${name}#${n + 1}` : name, sql, params });
        return Promise.resolve([{}] as never[]);
      };
      await consultationTotals(capture('totals'), scope, period, now);
      await siteBuckets(capture('siteBuckets'), scope, period, now);
      await travelPairs(capture('travelPairs'), scope, period);
      await documentTotals(capture('documents'), scope, period);
      await surveyBuckets(capture('survey'), scope, period);
      await supportTotals(capture('support'), scope, period);
      out[label] = {};
      for (const q of captured) {
        await db.query(q.sql, q.params); // warm the cache: the server's queries run on a warm one
        const cpu0 = cpuMs();
        await db.query(q.sql, q.params);
        const cpu = cpuMs() - cpu0;
        const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${q.sql}`, q.params)).rows.map((r) => r['QUERY PLAN'] as string);
        if (process.env.BENCH_EXPLAIN_PLANS) process.stderr.write(`\n=== ${label} ${q.name}\n${plan.join('\n')}\n`);
        const ms = (key: string) => Number(plan.find((l) => l.startsWith(key))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
        out[label]![q.name] = {
          cpuMs: cpu,
          executionMs: ms('Execution Time'),
          planningMs: ms('Planning Time'),
          jit: plan.find((l) => l.trim().startsWith('Timing:'))?.trim() ?? null,
          top: plan.slice(0, 3).map((l) => l.trim()),
        };
      }
    }
    process.stdout.write(`${JSON.stringify({ database: DATABASE, period: { from, to }, settings, queries: out }, null, 2)}\n`);
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
