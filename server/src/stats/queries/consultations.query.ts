import { CANCELLATION_CAUSES } from '../../../../shared/scheduling/cancellation';
import { CONNECT_FAILURES, LOSS_BUCKETS, RTT_BUCKETS } from '../../../../shared/stats/indicators';
import { LOSS_BOUNDS_PCT, RTT_BOUNDS_MS } from '../quality-buckets';
import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';
import { consultationWhere, HELD, NEVER_OPENED, Query } from './consultation-filter';

/** The period's totals that need every consultation at once (medians), from one pass. */
export interface ConsultationTotals {
  booked: number;
  held: number;
  cancelled: number;
  cancelledBy: Record<string, number>;
  noShowCitizen: number;
  noShowAgent: number;
  noOutcome: number;
  upcoming: number;
  bookedSeconds: number;
  heldSeconds: number;
  leadTimeMedianSeconds: number | null;
  waitMedianSeconds: number | null;
  waitBasis: number;
  admittedLate: number;
  ended: number;
  durationMedianSeconds: number | null;
  bookedDurationMedianSeconds: number | null;
  overrun: number;
  qualityRows: number;
  callsMeasured: number;
  audioOnly: number;
  reconnected: number;
  iceRestarts: number;
  rttMedianMs: number | null;
  lossMedianPct: number | null;
  connectFailed: number;
  connectFailedBy: Record<string, number>;
  rtt: Record<string, number>;
  loss: Record<string, number>;
}

const seconds = (a: string, b: string) => `extract(epoch from ${a} - ${b})`;

/**
 * One row per consultation with what the definitions test, each computed once: the aggregate
 * above it reads plain columns (its dozens of FILTER clauses re-evaluating the same expressions
 * cost more than the scan). OFFSET 0 keeps PostgreSQL from folding it back into the aggregate.
 * Consultations alone: activity, hours and timing need nothing else.
 */
function consultationFacts(where: string, nowParam: string): string {
  return `SELECT c.status, c.cancellation_cause AS cause,
          ${HELD} AS held,
          ${HELD} AND c.call_ended_at IS NOT NULL AS ended,
          ${NEVER_OPENED} AND c.ends_at <= ${nowParam} AS past_unopened,
          ${NEVER_OPENED} AND c.ends_at > ${nowParam} AS upcoming,
          ${seconds('c.ends_at', 'c.starts_at')} AS booked_s,
          ${seconds('c.starts_at', 'c.created_at')} AS lead_s,
          c.call_started_at > c.starts_at + interval '5 minutes' AS late,
          ${seconds('c.call_ended_at', 'c.call_started_at')} AS call_s
     FROM consultations c
    WHERE ${where}
   OFFSET 0`;
}

/**
 * The consultations of the scope that have a call_quality row (an inner join: the others count in
 * none of these figures), with what the quality and waiting definitions test.
 */
function qualityFacts(where: string, nowParam: string): string {
  return `SELECT ${HELD} AS measured,
          ${NEVER_OPENED} AND c.ends_at <= ${nowParam} AND q.booth_lobby_at IS NOT NULL AS agent_no_show,
          ${HELD} AND q.booth_lobby_at IS NOT NULL AS waited,
          greatest(0, ${seconds('c.call_started_at', 'greatest(q.booth_lobby_at, c.starts_at)')}) AS wait_s,
          q.audio_only, q.reconnections, q.ice_restarts, q.rtt_median_ms AS rtt, q.loss_median_pct AS loss,
          CASE WHEN q.media_connected_at IS NULL THEN q.connect_failure END AS failure
     FROM consultations c JOIN call_quality q ON q.consultation_id = c.id
    WHERE ${where}
   OFFSET 0`;
}

/** `count(*) FILTER` per bucket, [bound, next bound), with the bounds of quality-buckets.ts. */
function bucketCounts<B extends string>(prefix: string, order: readonly B[], bounds: Record<B, number>, column: string): string[] {
  return order.map((bucket, i) => {
    const low = bounds[bucket];
    const next = order[i + 1];
    const conditions = ['measured', `${column} IS NOT NULL`];
    if (Number.isFinite(low)) conditions.push(`${column} >= ${low}`);
    if (next !== undefined) conditions.push(`${column} < ${bounds[next]}`);
    return `count(*) FILTER (WHERE ${conditions.join(' AND ')})::int AS "${prefix}_${bucket}"`;
  });
}

/**
 * Activity, booked and held hours, timing and call quality of the consultations in the scope and
 * period, every figure a FILTER clause of the definitions of shared/stats/indicators.ts.
 * NOTE (performance, issue 15): two aggregates, run at once on two connections: the consultations
 * alone, and those with a call_quality row joined to it. One aggregate over the LEFT JOIN of every
 * consultation made the join and its dozens of FILTER clauses cost for every row what only the
 * measured calls need. An agent's no-show is a consultation never opened whose booth waited in the
 * lobby: the quality side counts them, the others of the past never opened have no known outcome.
 */
export async function consultationTotals(query: Query, scope: StatsScope, period: StatsPeriod, now: number): Promise<ConsultationTotals> {
  const where = consultationWhere(scope, period);
  const nowParam = `$${where.params.length + 1}`;
  const params = [...where.params, new Date(now)];
  const activity = [
    `count(*)::int AS booked`,
    `count(*) FILTER (WHERE held)::int AS held`,
    `count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled`,
    ...CANCELLATION_CAUSES.map((cause) => `count(*) FILTER (WHERE status = 'cancelled' AND cause = '${cause}')::int AS "cancelled_${cause}"`),
    `count(*) FILTER (WHERE status = 'no_show')::int AS "noShowCitizen"`,
    `count(*) FILTER (WHERE past_unopened)::int AS "pastUnopened"`,
    `count(*) FILTER (WHERE upcoming)::int AS upcoming`,
    `coalesce(sum(booked_s) FILTER (WHERE status <> 'cancelled'), 0)::float8 AS "bookedSeconds"`,
    `coalesce(sum(booked_s) FILTER (WHERE held), 0)::float8 AS "heldSeconds"`,
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_s)::float8 AS "leadTimeMedianSeconds"`,
    `count(*) FILTER (WHERE held AND late)::int AS "admittedLate"`,
    `count(*) FILTER (WHERE ended)::int AS ended`,
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY call_s) FILTER (WHERE ended)::float8 AS "durationMedianSeconds"`,
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY booked_s) FILTER (WHERE held)::float8 AS "bookedDurationMedianSeconds"`,
    `count(*) FILTER (WHERE ended AND call_s > booked_s)::int AS overrun`,
  ];
  const quality = [
    `count(*)::int AS "qualityRows"`,
    `count(*) FILTER (WHERE agent_no_show)::int AS "noShowAgent"`,
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_s) FILTER (WHERE waited)::float8 AS "waitMedianSeconds"`,
    `count(*) FILTER (WHERE waited)::int AS "waitBasis"`,
    `count(*) FILTER (WHERE measured)::int AS "callsMeasured"`,
    `count(*) FILTER (WHERE measured AND audio_only)::int AS "audioOnly"`,
    `count(*) FILTER (WHERE measured AND reconnections > 0)::int AS reconnected`,
    `coalesce(sum(ice_restarts) FILTER (WHERE measured), 0)::int AS "iceRestarts"`,
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY rtt) FILTER (WHERE measured)::float8 AS "rttMedianMs"`,
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY loss) FILTER (WHERE measured)::float8 AS "lossMedianPct"`,
    `count(failure)::int AS "connectFailed"`,
    ...CONNECT_FAILURES.map((reason) => `count(*) FILTER (WHERE failure = '${reason}')::int AS "failed_${reason}"`),
    ...bucketCounts('rtt', RTT_BUCKETS, RTT_BOUNDS_MS, 'rtt'),
    ...bucketCounts('loss', LOSS_BUCKETS, LOSS_BOUNDS_PCT, 'loss'),
  ];
  const [[a], [q]] = await Promise.all([
    query<Record<string, number | null>>(`SELECT ${activity.join(',\n')} FROM (${consultationFacts(where.sql, nowParam)}) f`, params),
    query<Record<string, number | null>>(`SELECT ${quality.join(',\n')} FROM (${qualityFacts(where.sql, nowParam)}) f`, params),
  ]);
  const r: Record<string, number | null> = { ...a!, ...q! };
  const n = (key: string) => Number(r[key] ?? 0);
  const maybe = (key: string) => (r[key] === null || r[key] === undefined ? null : Number(r[key]));
  return {
    booked: n('booked'),
    held: n('held'),
    cancelled: n('cancelled'),
    cancelledBy: Object.fromEntries(CANCELLATION_CAUSES.map((c) => [c, n(`cancelled_${c}`)])),
    noShowCitizen: n('noShowCitizen'),
    noShowAgent: n('noShowAgent'),
    noOutcome: n('pastUnopened') - n('noShowAgent'),
    upcoming: n('upcoming'),
    bookedSeconds: n('bookedSeconds'),
    heldSeconds: n('heldSeconds'),
    leadTimeMedianSeconds: maybe('leadTimeMedianSeconds'),
    waitMedianSeconds: maybe('waitMedianSeconds'),
    waitBasis: n('waitBasis'),
    admittedLate: n('admittedLate'),
    ended: n('ended'),
    durationMedianSeconds: maybe('durationMedianSeconds'),
    bookedDurationMedianSeconds: maybe('bookedDurationMedianSeconds'),
    overrun: n('overrun'),
    qualityRows: n('qualityRows'),
    callsMeasured: n('callsMeasured'),
    audioOnly: n('audioOnly'),
    reconnected: n('reconnected'),
    iceRestarts: n('iceRestarts'),
    rttMedianMs: maybe('rttMedianMs'),
    lossMedianPct: maybe('lossMedianPct'),
    connectFailed: n('connectFailed'),
    connectFailedBy: Object.fromEntries(CONNECT_FAILURES.map((f) => [f, n(`failed_${f}`)])),
    rtt: Object.fromEntries(RTT_BUCKETS.map((b) => [b, n(`rtt_${b}`)])),
    loss: Object.fromEntries(LOSS_BUCKETS.map((b) => [b, n(`loss_${b}`)])),
  };
}
