import { CANCELLATION_CAUSES } from '../scheduling/cancellation';
import { DOCUMENT_REJECTIONS } from '../documents/documents';
import { AUTONOMY_LEVELS, SUPPORT_THEME_LABELS_FR, SUPPORT_THEMES } from '../support/support';

/**
 * The statistics' one catalogue (issue 15). Every figure the page shows, the API returns and the CSV
 * exports is one of these ids, computed once by the server (server/src/stats) and only displayed by
 * the others: no figure is computed two ways. `definition` says in French what it counts and from
 * which recorded events; docs/statistics.md is generated from this list.
 */

/** Where a call could not be established, as the server records it (call_quality.connect_failure). */
export const CONNECT_FAILURES = ['ice_failed', 'ice_timeout', 'dtls_failed', 'no_media', 'worker_died'] as const;
export type ConnectFailure = (typeof CONNECT_FAILURES)[number];

export const INDICATOR_SECTIONS = ['activity', 'occupancy', 'timing', 'quality', 'documents', 'satisfaction', 'support', 'travel'] as const;
export type IndicatorSection = (typeof INDICATOR_SECTIONS)[number];

/** count: a number of things; hours, days, minutes, ms, km, kg: measures; percent: 0–100; score: out of 10; mean: a plain mean. */
export type IndicatorUnit = 'count' | 'hours' | 'days' | 'minutes' | 'ms' | 'percent' | 'score' | 'mean' | 'km' | 'kg';

export interface IndicatorDefinition {
  readonly id: string;
  readonly section: IndicatorSection;
  readonly label: string;
  readonly unit: IndicatorUnit;
  /** What it counts and from what, in French, for the documentation and the page's « définition ». */
  readonly definition: string;
  /** For a rate or a median: the indicator counting the things it is computed over (small-count suppression, « sur N »). */
  readonly basis?: string;
}

export const CANCELLATION_CAUSE_LABELS_FR: Record<(typeof CANCELLATION_CAUSES)[number], string> = {
  citizen: 'Annulées — par l’usager',
  agent_absence: 'Annulées — absence de l’agent',
  site_closure: 'Annulées — fermeture du site',
  mass: 'Annulées — annulation en masse',
  service: 'Annulées — autre raison du service',
};

export const CONNECT_FAILURE_LABELS_FR: Record<ConnectFailure, string> = {
  ice_failed: 'réseau bloqué (connexion impossible)',
  ice_timeout: 'réseau trop lent à répondre',
  dtls_failed: 'chiffrement refusé',
  no_media: 'ni son ni image reçus',
  worker_died: 'panne du serveur média',
};

export const DOCUMENT_REJECTION_LABELS_FR: Record<(typeof DOCUMENT_REJECTIONS)[number], string> = {
  too_large: 'trop volumineux',
  type_refused: 'type de fichier refusé',
  too_many_pages: 'trop de pages',
  virus: 'virus détecté',
  active_content: 'contenu actif (PDF avec script)',
  encrypted_pdf: 'PDF chiffré',
  mixed_content: 'contenu caché ajouté au fichier',
  image_too_large: 'image trop grande',
  damaged: 'fichier abîmé',
};

export const AUTONOMY_LABELS_FR: Record<(typeof AUTONOMY_LEVELS)[number], string> = {
  entierement_accompagne: 'entièrement accompagné',
  partiellement_autonome: 'partiellement autonome',
  autonome: 'autonome',
};

/** One count per key of a closed list (causes, reasons, levels, themes): ids `<prefix>_<key>`. */
function countsBy<P extends string, S extends IndicatorSection, K extends string>(
  prefix: P,
  section: S,
  keys: readonly K[],
  label: (key: K) => string,
  definition: (key: K) => string,
) {
  return keys.map((key) => ({ id: `${prefix}_${key}` as `${P}_${K}`, section, unit: 'count' as const, label: label(key), definition: definition(key) }));
}

// Ids are stable: they are the CSV's first column and the API's keys.
const base = [
  // ——— Activity: every consultation whose appointment falls in the period, by what became of it.
  { id: 'booked', section: 'activity', unit: 'count', label: 'Consultations réservées', definition: 'Consultations dont le rendez-vous tombe dans la période, quel que soit leur sort (réservées, tenues, annulées, absences).' },
  { id: 'held', section: 'activity', unit: 'count', label: 'Consultations tenues', definition: 'Consultations dont l’agent a fait entrer l’usager dans l’appel (heure de début d’appel enregistrée), sauf si l’agent les a ensuite déclarées « usager absent ».' },
  { id: 'cancelled', section: 'activity', unit: 'count', label: 'Consultations annulées', definition: 'Consultations annulées avant leur début, toutes causes confondues.' },
  ...countsBy('cancelled', 'activity', CANCELLATION_CAUSES, (cause) => CANCELLATION_CAUSE_LABELS_FR[cause], (cause) => `Annulations dont la cause enregistrée est « ${CANCELLATION_CAUSE_LABELS_FR[cause].replace('Annulées — ', '')} ».`),
  { id: 'no_show_citizen', section: 'activity', unit: 'count', label: 'Usagers absents', definition: 'Consultations que l’agent a déclarées « usager absent ».' },
  { id: 'no_show_agent', section: 'activity', unit: 'count', label: 'Agents absents', definition: 'Consultations passées (heure de fin dépassée), non annulées, où la cabine est entrée en salle d’attente mais où l’agent n’a jamais ouvert l’appel ni déclaré l’usager absent.' },
  { id: 'no_outcome', section: 'activity', unit: 'count', label: 'Sans suite connue', definition: 'Consultations passées (heure de fin dépassée), non annulées, jamais ouvertes, sans absence déclarée ni cabine venue en salle d’attente.' },
  { id: 'upcoming', section: 'activity', unit: 'count', label: 'À venir', definition: 'Consultations non annulées, jamais ouvertes, sans absence déclarée, dont l’heure de fin n’est pas encore passée. Tenues, annulées, usagers absents, agents absents, sans suite connue et à venir font ensemble les consultations réservées.' },

  // ——— Occupancy of the booths against their opening hours.
  { id: 'opening_hours', section: 'occupancy', unit: 'hours', label: 'Heures d’ouverture des cabines', definition: 'Somme, pour chaque cabine en service, des heures d’ouverture de son site dans la période (horaires de la semaine, moins fermetures et jours fériés) ; une cabine retirée compte jusqu’à son retrait.' },
  { id: 'booked_hours', section: 'occupancy', unit: 'hours', label: 'Heures réservées', definition: 'Somme des durées réservées des consultations non annulées.' },
  { id: 'held_hours', section: 'occupancy', unit: 'hours', label: 'Heures tenues', definition: 'Somme des durées réservées des consultations tenues.' },
  { id: 'occupancy_booked', section: 'occupancy', unit: 'percent', basis: 'opening_hours', label: 'Taux de réservation des cabines', definition: 'Heures réservées divisées par les heures d’ouverture des cabines.' },
  { id: 'occupancy_held', section: 'occupancy', unit: 'percent', basis: 'opening_hours', label: 'Taux d’occupation réelle des cabines', definition: 'Heures tenues divisées par les heures d’ouverture des cabines.' },

  // ——— Timing: booking lead time, punctuality, duration.
  { id: 'lead_time_median_days', section: 'timing', unit: 'days', basis: 'booked', label: 'Délai médian de rendez-vous', definition: 'Médiane, sur les consultations réservées, du temps entre la réservation et l’heure du rendez-vous, en jours.' },
  { id: 'wait_median_minutes', section: 'timing', unit: 'minutes', basis: 'held', label: 'Attente médiane en salle d’attente', definition: 'Médiane, sur les consultations tenues dont l’arrivée de la cabine en salle d’attente est enregistrée, du temps entre cette arrivée (ou l’heure du rendez-vous si elle est arrivée en avance) et l’entrée dans l’appel (zéro si l’usager est entré avant).' },
  { id: 'admitted_late_rate', section: 'timing', unit: 'percent', basis: 'held', label: 'Appels ouverts avec plus de 5 minutes de retard', definition: 'Part des consultations tenues dont l’appel s’est ouvert plus de 5 minutes après l’heure du rendez-vous.' },
  { id: 'duration_median_minutes', section: 'timing', unit: 'minutes', basis: 'held', label: 'Durée réelle médiane', definition: 'Médiane de la durée des appels terminés (de l’entrée de l’usager à la fin de l’appel).' },
  { id: 'booked_duration_median_minutes', section: 'timing', unit: 'minutes', basis: 'held', label: 'Durée réservée médiane', definition: 'Médiane de la durée réservée des consultations tenues.' },
  { id: 'overrun_rate', section: 'timing', unit: 'percent', basis: 'held', label: 'Appels plus longs que prévu', definition: 'Part des appels terminés dont la durée réelle a dépassé la durée réservée.' },

  // ——— Call quality, from what the server recorded during the calls (call_quality).
  { id: 'calls_measured', section: 'quality', unit: 'count', label: 'Appels mesurés', definition: 'Consultations tenues pour lesquelles le serveur a enregistré le déroulement de l’appel.' },
  { id: 'audio_only_rate', section: 'quality', unit: 'percent', basis: 'calls_measured', label: 'Appels passés en audio seul', definition: 'Part des appels mesurés où la vidéo a été coupée automatiquement faute de débit (repli en audio seul).' },
  { id: 'reconnection_rate', section: 'quality', unit: 'percent', basis: 'calls_measured', label: 'Appels avec au moins une reconnexion', definition: 'Part des appels mesurés où un participant a dû rejoindre l’appel à nouveau après une coupure.' },
  { id: 'ice_restarts', section: 'quality', unit: 'count', label: 'Relances de connexion réseau (ICE)', definition: 'Nombre de relances ICE demandées pendant les appels mesurés (changement de réseau, coupure).' },
  { id: 'rtt_median_ms', section: 'quality', unit: 'ms', basis: 'calls_measured', label: 'Temps aller-retour médian', definition: 'Médiane, sur les appels mesurés, du temps aller-retour médian de chaque appel, relevé par le serveur toutes les 10 secondes.' },
  { id: 'loss_median_pct', section: 'quality', unit: 'percent', basis: 'calls_measured', label: 'Perte de paquets médiane', definition: 'Médiane, sur les appels mesurés, de la perte de paquets médiane de chaque appel, relevée par le serveur.' },
  { id: 'connect_failed', section: 'quality', unit: 'count', label: 'Appels qui n’ont pas pu s’établir', definition: 'Consultations dont l’appel a été ouvert mais où le son et l’image n’ont jamais circulé, avec la raison enregistrée.' },
  ...countsBy('connect_failed', 'quality', CONNECT_FAILURES, (reason) => `Échecs : ${CONNECT_FAILURE_LABELS_FR[reason]}`, (reason) => `Appels qui n’ont pas pu s’établir pour la raison « ${CONNECT_FAILURE_LABELS_FR[reason]} ».`),

  // ——— Documents exchanged in the consultations of the period.
  { id: 'documents_exchanged', section: 'documents', unit: 'count', label: 'Documents échangés', definition: 'Documents déposés pendant les consultations de la période (par la cabine, l’animateur ou l’agent) une fois contrôlés : acceptés ou refusés (ceux en cours d’envoi ou d’analyse ne comptent pas encore).' },
  { id: 'documents_rejected', section: 'documents', unit: 'count', label: 'Documents refusés', definition: 'Documents refusés par les contrôles (antivirus, contenu actif, type, taille…).' },
  ...countsBy('documents_rejected', 'documents', DOCUMENT_REJECTIONS, (reason) => `Refusés : ${DOCUMENT_REJECTION_LABELS_FR[reason]}`, (reason) => `Documents refusés pour la raison « ${DOCUMENT_REJECTION_LABELS_FR[reason]} ».`),

  // ——— Satisfaction, from the booth's anonymous survey (scored as Services Publics+).
  { id: 'survey_responses', section: 'satisfaction', unit: 'count', label: 'Réponses à l’enquête', definition: 'Enquêtes de satisfaction où l’usager a répondu à au moins une question, datées du jour de la réponse. Sans agent : l’enquête est anonyme, les chiffres d’un agent n’en ont donc pas.' },
  { id: 'satisfaction_score', section: 'satisfaction', unit: 'score', basis: 'survey_responses', label: 'Score de satisfaction', definition: 'Moyenne sur 10 des réponses à « Êtes-vous satisfait ? » : content 10, moyen 5, pas content 0 (barème Services Publics+).' },
  { id: 'satisfaction_good', section: 'satisfaction', unit: 'count', label: 'Réponses « content »', definition: 'Réponses « content » à la question de satisfaction.' },
  { id: 'satisfaction_medium', section: 'satisfaction', unit: 'count', label: 'Réponses « moyen »', definition: 'Réponses « moyen » à la question de satisfaction.' },
  { id: 'satisfaction_bad', section: 'satisfaction', unit: 'count', label: 'Réponses « pas content »', definition: 'Réponses « pas content » à la question de satisfaction.' },
  { id: 'clarity_mean', section: 'satisfaction', unit: 'mean', basis: 'survey_responses', label: 'Clarté de la réponse (sur 5)', definition: 'Moyenne des notes de 1 à 5 données à « La réponse était-elle claire ? ».' },

  // ——— Facilitator support, from the digital-support checklist.
  { id: 'support_recorded', section: 'support', unit: 'count', label: 'Accompagnements renseignés', definition: 'Consultations pour lesquelles l’animateur a renseigné le niveau d’autonomie de l’usager.' },
  ...countsBy('autonomy', 'support', AUTONOMY_LEVELS, (level) => `Autonomie : ${AUTONOMY_LABELS_FR[level]}`, (level) => `Accompagnements où l’usager était « ${AUTONOMY_LABELS_FR[level]} ».`),
  ...countsBy('theme', 'support', SUPPORT_THEMES, (theme) => `Thème : ${SUPPORT_THEME_LABELS_FR[theme]}`, (theme) => `Accompagnements portant sur le thème « ${SUPPORT_THEME_LABELS_FR[theme]} » (un accompagnement peut en compter plusieurs).`),

  // ——— Travel avoided (an estimate, with its method and factor).
  { id: 'travel_km_avoided', section: 'travel', unit: 'km', label: 'Kilomètres de trajet évités (estimation)', definition: 'Pour chaque consultation tenue, l’aller-retour de la France Services au bureau de l’administration : distance à vol d’oiseau entre leurs coordonnées, multipliée par le coefficient de détour routier.' },
  { id: 'co2_kg_avoided', section: 'travel', unit: 'kg', label: 'CO₂ évité (estimation)', definition: 'Kilomètres évités multipliés par le facteur d’émission d’une voiture particulière (kg CO₂e par km, source indiquée).' },
  { id: 'travel_unknown', section: 'travel', unit: 'count', label: 'Consultations tenues sans distance connue', definition: 'Consultations tenues dont le site ou le bureau de l’administration n’a pas de coordonnées : non comptées dans les kilomètres évités.' },
] as const satisfies readonly IndicatorDefinition[];

export const INDICATORS: readonly IndicatorDefinition[] = base;
export type IndicatorId = (typeof base)[number]['id'];
export const INDICATOR_IDS = base.map((i) => i.id) as readonly IndicatorId[];

/** Values by id; null is « pas encore de données » (no basis to compute from), never zero. */
export type IndicatorValues = Record<IndicatorId, number | null>;

// ——— Period and filters.

/** The longest period asked at once: three years answer within the benchmark's limits; ten are refused (422 PERIOD_TOO_LONG). */
export const STATS_MAX_DAYS = 3 * 366;
/** Above this many days the series is by month rather than by week. */
export const WEEKLY_SERIES_MAX_DAYS = 366;

export interface StatsFilters {
  /** Paris days, inclusive: YYYY-MM-DD. */
  from: string;
  to: string;
  departement?: string;
  siteId?: string;
  administrationId?: string;
  consultationTypeId?: string;
  agentId?: string;
}

/** One bucket of the series: a week (from its Monday) or a month (from its first day). */
export interface StatsSeriesPoint {
  start: string;
  booked: number;
  held: number;
  cancelled: number;
  noShowCitizen: number;
  noShowAgent: number;
  surveyResponses: number;
  satisfactionScore: number | null;
}
export const SERIES_COLUMNS = ['start', 'booked', 'held', 'cancelled', 'noShowCitizen', 'noShowAgent', 'surveyResponses', 'satisfactionScore'] as const satisfies ReadonlyArray<keyof StatsSeriesPoint>;

/** One France Services site of the scope: its main figures and the held consultations per bucket (sparkline). */
export interface StatsSiteRow {
  siteId: string;
  name: string;
  departement: string;
  booked: number;
  held: number;
  cancelled: number;
  occupancyHeld: number | null;
  satisfactionScore: number | null;
  heldSeries: number[];
}

export const RTT_BUCKETS = ['lt50', '50to100', '100to200', '200to400', 'ge400'] as const;
export const LOSS_BUCKETS = ['lt1', '1to3', '3to5', 'ge5'] as const;
export interface StatsQualityDistribution {
  rtt: Array<{ bucket: (typeof RTT_BUCKETS)[number]; calls: number }>;
  loss: Array<{ bucket: (typeof LOSS_BUCKETS)[number]; calls: number }>;
}

export interface TravelMethod {
  /** Great-circle distance × this factor ≈ the road distance. */
  roadFactor: number;
  co2KgPerKm: number;
  /** Where the emission factor comes from, said on the page and in the exports. */
  source: string;
}

export interface StatsReport {
  period: { from: string; to: string; granularity: 'week' | 'month' };
  filters: Omit<StatsFilters, 'from' | 'to'>;
  values: IndicatorValues;
  series: StatsSeriesPoint[];
  sites: StatsSiteRow[];
  quality: StatsQualityDistribution;
  travel: TravelMethod;
  /** When the figures were computed (ISO). */
  computedAt: string;
}

/** A point of the public series: a count below the threshold (or a score over too few responses) is null. */
export type PublicStatsSeriesPoint = { start: string } & { [K in Exclude<keyof StatsSeriesPoint, 'start'>]: number | null };

/** The public page's figures: aggregated, counts below `minCount` (and rates over them) suppressed as null. */
export interface PublicStatsReport {
  departement: string;
  period: { from: string; to: string; granularity: 'week' | 'month' };
  minCount: number;
  values: IndicatorValues;
  /** Ids whose value was hidden because it or its basis counts fewer than `minCount`. */
  suppressed: IndicatorId[];
  series: PublicStatsSeriesPoint[];
  travel: TravelMethod;
  computedAt: string;
}

/**
 * What the viewer may filter on (GET /api/stats/options), as the server decides from their rights:
 * a filter with no choice (or one only) is not shown as a list.
 */
export interface StatsOptions {
  departements: string[];
  sites: Array<{ id: string; name: string; departement: string }>;
  administrations: Array<{ id: string; name: string; departement: string }>;
  consultationTypes: Array<{ id: string; name: string; administrationId: string }>;
  agents: Array<{ id: string; name: string; administrationId: string }>;
  /** The filters the viewer's rights set (a coordinator's département, a facilitator's site, an agent's self). */
  fixed: Omit<StatsFilters, 'from' | 'to'>;
}

/** The tables an export can hold: the indicators, the series, the sites, or one anonymous line per consultation. */
export const EXPORT_TABLES = ['indicators', 'series', 'sites', 'consultations'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
