import { CANCELLATION_CAUSES } from '../../../shared/scheduling/cancellation';
import { scoreOfCounts } from '../../../shared/survey/score';
import { AUTONOMY_LEVELS, SUPPORT_THEMES } from '../../../shared/support/support';
import { DOCUMENT_REJECTIONS } from '../../../shared/documents/documents';
import {
  CONNECT_FAILURES,
  IndicatorValues,
  LOSS_BUCKETS,
  RTT_BUCKETS,
  StatsQualityDistribution,
  StatsReport,
  StatsSeriesPoint,
  StatsSiteRow,
  TravelMethod,
} from '../../../shared/stats/indicators';
import type { ConsultationTotals } from './queries/consultations.query';
import type { DocumentTotals } from './queries/documents.query';
import type { SurveyBucketRow } from './queries/satisfaction.query';
import type { SiteBucketRow } from './queries/series.query';
import type { SupportTotals } from './queries/support.query';
import type { TravelPairRow } from './queries/travel.query';
import type { StatsPeriod } from './stats-period';
import type { StatsScope } from './stats-scope';
import { roundTripKm } from './travel';

/** What the queries answered, for the one function that turns it into the report. */
export interface StatsInputs {
  totals: ConsultationTotals;
  siteBuckets: SiteBucketRow[];
  travelPairs: TravelPairRow[];
  documents: DocumentTotals;
  /** Null with an agent filter: the survey is anonymous, it names no agent. */
  survey: SurveyBucketRow[] | null;
  support: SupportTotals;
  openingHoursBySite: Map<string, number>;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
/** A rate in percent over a basis, null without basis (« pas encore de données »), one decimal. */
const percent = (part: number, basis: number) => (basis > 0 ? round((100 * part) / basis, 1) : null);
const orNull = (value: number | null, digits: number, scale = 1) => (value === null ? null : round(value / scale, digits));
/** Satisfaction out of 10, Services Publics+ scale: good 10, medium 5, bad 0. */
/** Services Publics+ scale, as the survey defines it. */
const score = (good: number, medium: number, bad: number) => scoreOfCounts({ good, medium, bad });

/**
 * Every indicator of shared/stats/indicators.ts from the queries' answers, as its definition says;
 * rounded once here (the page and the exports show these numbers, never recompute them).
 */
export function buildReport(scope: StatsScope, period: StatsPeriod, inputs: StatsInputs, travel: TravelMethod, computedAt: Date): StatsReport {
  const t = inputs.totals;
  const openingHours = [...inputs.openingHoursBySite.values()].reduce((a, b) => a + b, 0);
  const bookedHours = t.bookedSeconds / 3600;
  const heldHours = t.heldSeconds / 3600;

  let survey = { responses: 0, good: 0, medium: 0, bad: 0, claritySum: 0, clarityCount: 0 };
  for (const row of inputs.survey ?? []) {
    survey = {
      responses: survey.responses + row.responses,
      good: survey.good + row.good,
      medium: survey.medium + row.medium,
      bad: survey.bad + row.bad,
      claritySum: survey.claritySum + row.claritySum,
      clarityCount: survey.clarityCount + row.clarityCount,
    };
  }
  const surveyKnown = inputs.survey !== null;

  let km = 0;
  let known = 0;
  let unknown = 0;
  for (const pair of inputs.travelPairs) {
    if (pair.siteLat === null || pair.siteLon === null || pair.officeLat === null || pair.officeLon === null) {
      unknown += pair.held;
      continue;
    }
    known += pair.held;
    km += pair.held * roundTripKm({ lat: pair.siteLat, lon: pair.siteLon }, { lat: pair.officeLat, lon: pair.officeLon }, travel.roadFactor);
  }

  const supportKnown = inputs.support.rows > 0;
  const qualityKnown = t.qualityRows > 0;
  const values = {
    booked: t.booked,
    held: t.held,
    cancelled: t.cancelled,
    ...Object.fromEntries(CANCELLATION_CAUSES.map((c) => [`cancelled_${c}`, t.cancelledBy[c] ?? 0])),
    no_show_citizen: t.noShowCitizen,
    no_show_agent: t.noShowAgent,
    no_outcome: t.noOutcome,
    upcoming: t.upcoming,

    opening_hours: round(openingHours, 2),
    booked_hours: round(bookedHours, 2),
    held_hours: round(heldHours, 2),
    occupancy_booked: openingHours > 0 ? round((100 * bookedHours) / openingHours, 1) : null,
    occupancy_held: openingHours > 0 ? round((100 * heldHours) / openingHours, 1) : null,

    lead_time_median_days: orNull(t.leadTimeMedianSeconds, 2, 86_400),
    wait_median_minutes: orNull(t.waitMedianSeconds, 2, 60),
    admitted_late_rate: percent(t.admittedLate, t.held),
    duration_median_minutes: orNull(t.durationMedianSeconds, 2, 60),
    booked_duration_median_minutes: orNull(t.bookedDurationMedianSeconds, 2, 60),
    overrun_rate: percent(t.overrun, t.ended),

    calls_measured: t.callsMeasured,
    audio_only_rate: percent(t.audioOnly, t.callsMeasured),
    reconnection_rate: percent(t.reconnected, t.callsMeasured),
    ice_restarts: t.callsMeasured > 0 ? t.iceRestarts : null,
    rtt_median_ms: orNull(t.rttMedianMs, 1),
    loss_median_pct: orNull(t.lossMedianPct, 2),
    connect_failed: qualityKnown ? t.connectFailed : null,
    ...Object.fromEntries(CONNECT_FAILURES.map((f) => [`connect_failed_${f}`, qualityKnown ? (t.connectFailedBy[f] ?? 0) : null])),

    documents_exchanged: inputs.documents.exchanged,
    documents_rejected: inputs.documents.rejected,
    ...Object.fromEntries(DOCUMENT_REJECTIONS.map((r) => [`documents_rejected_${r}`, inputs.documents.rejectedBy[r] ?? 0])),

    survey_responses: surveyKnown ? survey.responses : null,
    satisfaction_score: surveyKnown ? score(survey.good, survey.medium, survey.bad) : null,
    satisfaction_good: surveyKnown ? survey.good : null,
    satisfaction_medium: surveyKnown ? survey.medium : null,
    satisfaction_bad: surveyKnown ? survey.bad : null,
    clarity_mean: surveyKnown && survey.clarityCount > 0 ? round(survey.claritySum / survey.clarityCount, 2) : null,

    support_recorded: supportKnown ? inputs.support.recorded : null,
    ...Object.fromEntries(AUTONOMY_LEVELS.map((a) => [`autonomy_${a}`, supportKnown ? (inputs.support.autonomy[a] ?? 0) : null])),
    ...Object.fromEntries(SUPPORT_THEMES.map((th) => [`theme_${th}`, supportKnown ? (inputs.support.themes[th] ?? 0) : null])),

    travel_km_avoided: known > 0 ? round(km, 1) : null,
    co2_kg_avoided: known > 0 ? round(km * travel.co2KgPerKm, 1) : null,
    travel_unknown: unknown,
  } as IndicatorValues;

  return {
    period: { from: period.from, to: period.to, granularity: period.granularity },
    filters: scope.filters,
    values,
    series: buildSeries(period, inputs.siteBuckets, inputs.survey),
    sites: buildSites(scope, period, inputs),
    quality: buildQuality(t),
    travel,
    computedAt: computedAt.toISOString(),
  };
}

function buildSeries(period: StatsPeriod, rows: readonly SiteBucketRow[], survey: readonly SurveyBucketRow[] | null): StatsSeriesPoint[] {
  const points = new Map<string, StatsSeriesPoint & { good: number; medium: number; bad: number }>(
    period.buckets.map((start) => [start, { start, booked: 0, held: 0, cancelled: 0, noShowCitizen: 0, noShowAgent: 0, surveyResponses: 0, satisfactionScore: null, good: 0, medium: 0, bad: 0 }]),
  );
  for (const row of rows) {
    const p = points.get(row.bucket);
    if (!p) continue;
    p.booked += row.booked;
    p.held += row.held;
    p.cancelled += row.cancelled;
    p.noShowCitizen += row.noShowCitizen;
    p.noShowAgent += row.noShowAgent;
  }
  for (const row of survey ?? []) {
    const p = points.get(row.bucket);
    if (!p) continue;
    p.surveyResponses += row.responses;
    p.good += row.good;
    p.medium += row.medium;
    p.bad += row.bad;
  }
  return [...points.values()].map(({ good, medium, bad, ...point }) => ({ ...point, satisfactionScore: score(good, medium, bad) }));
}

function buildSites(scope: StatsScope, period: StatsPeriod, inputs: StatsInputs): StatsSiteRow[] {
  const index = new Map(period.buckets.map((b, i) => [b, i]));
  const rows = new Map<string, StatsSiteRow & { heldSeconds: number; good: number; medium: number; bad: number }>(
    scope.sites.map((s) => [
      s.id,
      { siteId: s.id, name: s.name, departement: s.departement, booked: 0, held: 0, cancelled: 0, occupancyHeld: null, satisfactionScore: null, heldSeries: period.buckets.map(() => 0), heldSeconds: 0, good: 0, medium: 0, bad: 0 },
    ]),
  );
  for (const r of inputs.siteBuckets) {
    const site = rows.get(r.siteId);
    if (!site) continue;
    site.booked += r.booked;
    site.held += r.held;
    site.cancelled += r.cancelled;
    site.heldSeconds += r.heldSeconds;
    const i = index.get(r.bucket);
    if (i !== undefined) site.heldSeries[i]! += r.held;
  }
  for (const r of inputs.survey ?? []) {
    const site = rows.get(r.siteId);
    if (!site) continue;
    site.good += r.good;
    site.medium += r.medium;
    site.bad += r.bad;
  }
  // An agent's figures list the sites they consulted at, not every site of the country.
  const listed = [...rows.values()].filter((site) => !scope.filters.agentId || site.booked > 0);
  return listed.map(({ heldSeconds, good, medium, bad, ...site }) => {
    const opening = inputs.openingHoursBySite.get(site.siteId) ?? 0;
    return { ...site, occupancyHeld: opening > 0 ? round((100 * heldSeconds) / 3600 / opening, 1) : null, satisfactionScore: score(good, medium, bad) };
  });
}

function buildQuality(t: ConsultationTotals): StatsQualityDistribution {
  return {
    rtt: RTT_BUCKETS.map((bucket) => ({ bucket, calls: t.rtt[bucket] ?? 0 })),
    loss: LOSS_BUCKETS.map((bucket) => ({ bucket, calls: t.loss[bucket] ?? 0 })),
  };
}
