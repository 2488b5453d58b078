import type { PublicStatsSeriesPoint, StatsQualityDistribution, StatsSeriesPoint, StatsSiteRow } from '@shared/stats/indicators';
import { formatNumber, percentOf, plural } from './format';

/**
 * One sentence under each plot saying what it shows, computed from the same figures as its table:
 * a coordinator reads the gist without decoding the chart, a screen-reader user hears it first.
 */

/** « 412 consultations tenues sur 520 réservées, soit 79 %. » */
export function statusReading(booked: number | null, held: number | null, cancelled: number | null): string {
  if (booked === null || held === null) return 'Pas assez de consultations sur la période pour les décrire.';
  if (booked === 0) return 'Aucune consultation réservée sur la période.';
  const heldPart = `${plural(held, 'consultation tenue', 'consultations tenues')} sur ${plural(booked, 'réservée', 'réservées')}`;
  const cancelledPart = cancelled ? ` ; ${plural(cancelled, 'annulée', 'annulées')}` : '';
  return `${heldPart}, soit ${percentOf(held, booked)}${cancelledPart}.`;
}

/** The totals of a series, for a reading over its buckets; null when a bucket is withheld (public page). */
export function seriesTotals(series: ReadonlyArray<Pick<PublicStatsSeriesPoint, 'booked' | 'held' | 'cancelled'>>): { booked: number; held: number; cancelled: number } | null {
  const totals = { booked: 0, held: 0, cancelled: 0 };
  for (const p of series) {
    if (p.booked === null || p.held === null || p.cancelled === null) return null;
    totals.booked += p.booked;
    totals.held += p.held;
    totals.cancelled += p.cancelled;
  }
  return totals;
}

/** « Pithiviers a tenu le plus de consultations : 12 sur les 20 des 2 France Services. » */
export function sitesReading(sites: readonly StatsSiteRow[]): string {
  if (sites.length === 0) return 'Aucune France Services dans le périmètre choisi.';
  const total = sites.reduce((n, s) => n + s.held, 0);
  const count = plural(sites.length, 'France Services', 'France Services');
  if (total === 0) return `Aucune consultation tenue sur la période dans ${sites.length === 1 ? 'la' : 'les'} ${count}.`;
  if (sites.length === 1) return `${sites[0]!.name} : ${plural(total, 'consultation tenue', 'consultations tenues')} sur la période.`;
  const top = [...sites].sort((a, b) => b.held - a.held || a.name.localeCompare(b.name, 'fr'))[0]!;
  return `${top.name} a tenu le plus de consultations : ${formatNumber(top.held)} sur ${formatNumber(total)} (${percentOf(top.held, total)}) dans les ${count}.`;
}

/** « Score de 8,2 sur 10 sur 37 réponses, dont 30 « content ». » */
export function satisfactionReading(score: number | null, responses: number | null, good: number | null): string {
  if (score === null || !responses) return 'Pas encore de réponse à l’enquête de satisfaction sur la période.';
  const goodPart = good === null ? '' : `, dont ${formatNumber(good)} « content »`;
  return `Score de ${formatNumber(Number(score.toFixed(1)), 1)} sur 10 d’après ${plural(responses, 'réponse', 'réponses')}${goodPart}.`;
}

/** Calls measured under 200 ms of round trip, out of all measured: what a coordinator asks of quality. */
export function qualityReading(quality: StatsQualityDistribution): string {
  const total = quality.rtt.reduce((n, b) => n + b.calls, 0);
  if (total === 0) return 'Aucun appel mesuré sur la période.';
  const fast = quality.rtt.filter((b) => b.bucket === 'lt50' || b.bucket === '50to100' || b.bucket === '100to200').reduce((n, b) => n + b.calls, 0);
  const lossy = quality.loss.filter((b) => b.bucket === '3to5' || b.bucket === 'ge5').reduce((n, b) => n + b.calls, 0);
  const verb = fast >= 2 ? 'ont eu' : 'a eu';
  return `${plural(fast, 'appel mesuré', 'appels mesurés')} sur ${formatNumber(total)} (${percentOf(fast, total)}) ${verb} un temps aller-retour inférieur à 200\u00a0ms ; ${formatNumber(lossy)} ${lossy >= 2 ? 'ont perdu' : 'a perdu'} 3\u00a0% des paquets ou plus.`;
}

/** « 8,2 sur 10 en moyenne sur les 6 semaines qui ont des réponses. » for the line of satisfaction over time. */
export function satisfactionTrendReading(series: readonly StatsSeriesPoint[], granularity: 'week' | 'month'): string {
  const scored = series.filter((p) => p.satisfactionScore !== null);
  if (scored.length === 0) return 'Pas encore de réponse à l’enquête de satisfaction sur la période.';
  const min = Math.min(...scored.map((p) => p.satisfactionScore!));
  const max = Math.max(...scored.map((p) => p.satisfactionScore!));
  const range = min === max ? `de ${formatNumber(min, 1)} sur 10` : `entre ${formatNumber(min, 1)} et ${formatNumber(max, 1)} sur 10`;
  const buckets =
    scored.length === 1
      ? granularity === 'week'
        ? 'la seule semaine'
        : 'le seul mois'
      : `les ${formatNumber(scored.length)} ${granularity === 'week' ? 'semaines' : 'mois'}`;
  return `Score ${range} selon ${buckets} ayant des réponses.`;
}

/** « 7 appels mesurés sur 8 (88 %) ont perdu moins de 1 % des paquets. » */
export function lossReading(quality: StatsQualityDistribution): string {
  const total = quality.loss.reduce((n, b) => n + b.calls, 0);
  if (total === 0) return 'Aucun appel mesuré sur la période.';
  const clean = quality.loss.find((b) => b.bucket === 'lt1')?.calls ?? 0;
  return `${plural(clean, 'appel mesuré', 'appels mesurés')} sur ${formatNumber(total)} (${percentOf(clean, total)}) ${clean >= 2 ? 'ont' : 'a'} perdu moins de 1\u00a0% des paquets.`;
}
