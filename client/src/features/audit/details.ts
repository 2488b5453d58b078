import { DateTime } from 'luxon';

const PARIS = 'Europe/Paris';
const MAX = 320;

/** French names of the detail keys the server records; others are shown as they are. */
const KEYS: Record<string, string> = {
  reason: 'motif',
  method: 'méthode',
  outcome: 'issue',
  total: 'nombre',
  mass: 'annulation groupée',
  via: 'par',
  role: 'rôle',
  name: 'nom',
  email: 'courriel',
  startsAt: 'début',
  endsAt: 'fin',
  booth: 'cabine',
  site: 'France Services',
  agent: 'agent',
  administration: 'administration',
  subject: 'objet',
  kind: 'nature',
  records: 'lignes',
  format: 'format',
  filters: 'filtres',
  count: 'nombre',
  length: 'longueur',
  departement: 'département',
  displayName: 'nom',
  status: 'état',
  state: 'état',
  sessionsEnded: 'sessions fermées',
  linksRevoked: 'liens annulés',
  consultationsAhead: 'rendez-vous à venir',
  linkExpiresAt: 'lien valable jusqu’au',
  purpose: 'lien',
  durationMinutes: 'durée (min)',
  documents: 'papiers à apporter',
  active: 'proposé',
  withNote: 'avec un mot',
  covered: 'messages réglés',
  event: 'évènement',
  disabledAt: 'désactivé le',
  agentTitle: 'fonction',
  phone: 'téléphone',
  address: 'adresse',
  postalCode: 'code postal',
  city: 'commune',
  retentionDays: 'conservation (jours)',
  textVersion: 'version du texte',
  version: 'version',
  theme: 'thème',
  items: 'éléments',
  revision: 'révision',
  fields: 'champs',
  rejection: 'refus',
  from: 'du',
  to: 'au',
};

const VALUES: Record<string, string> = {
  true: 'oui',
  false: 'non',
  citizen_link: 'lien personnel de l’usager',
  absence: 'absence de l’agent',
  schedule: 'changement d’horaires',
  enabled: 'actif',
  disabled: 'désactivé',
  admin: 'administration technique',
  coordinator: 'coordination préfecture',
  agent: 'agent',
  facilitator: 'animation France Services',
  password: 'mot de passe',
  oidc: 'ProConnect',
  link_sent: 'lien envoyé',
  no_account: 'aucun compte à cette adresse',
  account_disabled: 'compte désactivé',
  invitation: 'invitation',
  password_forgotten: 'mot de passe oublié',
  password_reset: 'réinitialisation',
  done: 'tenu',
  no_show: 'usager absent',
  csv: 'CSV',
  json: 'JSON',
};

const DAYS = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

const isIsoInstant = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);
/** Identifiers: the target column names the thing; the CSV export keeps every id. */
const isIdKey = (key: string) => key === 'id' || /Id$/.test(key);

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (isIsoInstant(v)) return DateTime.fromISO(v).setZone(PARIS).toFormat('dd/LL/yyyy HH:mm');
  if (typeof v === 'boolean' || typeof v === 'number') return VALUES[String(v)] ?? String(v);
  if (typeof v === 'string') return VALUES[v] ?? v;
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(value).join(', ');
  return Object.entries(v as Record<string, unknown>)
    .filter(([k]) => !isIdKey(k))
    .map(([k, x]) => `${KEYS[k] ?? k} ${value(x)}`)
    .join(', ');
}

interface Slot {
  startsAt?: string;
  boothId?: string;
  agentId?: string;
}

/** A move: the time before and after, and whether the booth or the agent changed. */
function describeMove(from: Slot, to: Slot | null): string {
  const parts = [`${value(from.startsAt)} → ${to ? value(to.startsAt) : '—'}`];
  if (to && from.boothId !== to.boothId) parts.push('autre cabine');
  if (to && from.agentId !== to.agentId) parts.push('autre agent');
  return parts.join(' · ');
}

interface WeeklyRange {
  weekday: number;
  start: string;
  end: string;
}
const isWeekly = (v: unknown): v is WeeklyRange[] =>
  Array.isArray(v) && v.every((r) => r && typeof r === 'object' && 'weekday' in r && 'start' in r && 'end' in r);

/** A week's schedule before and after a save: only the days that changed, "lundi : 09:00–12:30 → 10:00–12:30". */
function describeWeek(before: WeeklyRange[], after: WeeklyRange[]): string {
  const day = (ranges: WeeklyRange[], d: number) =>
    ranges
      .filter((r) => r.weekday === d)
      .map((r) => `${r.start}–${r.end}`)
      .join(', ') || 'fermé';
  const changed = [1, 2, 3, 4, 5, 6, 7].filter((d) => day(before, d) !== day(after, d));
  return changed.length === 0 ? 'aucun changement' : changed.map((d) => `${DAYS[d]} : ${day(before, d)} → ${day(after, d)}`).join(' · ');
}

/** The order a person reads an appointment in: when, where, with whom, about what. */
const ORDER = ['startsAt', 'endsAt', 'site', 'booth', 'agent', 'administration', 'subject', 'from', 'to', 'changes'];
const rank = (key: string) => {
  const i = ORDER.indexOf(key);
  return i === -1 ? ORDER.length : i;
};

/**
 * The details of an audit entry in one line of French: before → after for changes, moves and
 * weekly schedules, the rest as "clé : valeur" pairs, identifiers left out (the target column names
 * the thing). Long lines are cut (the CSV export keeps everything).
 */
export function describeDetails(details: Record<string, unknown>): string {
  const parts: string[] = [];
  // PostgreSQL's jsonb keeps keys in its own order: the known ones are said in reading order.
  const entries = Object.entries(details)
    .filter(([key]) => !isIdKey(key))
    .sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, v] of entries) {
    if (key === 'changes' && v && typeof v === 'object') {
      for (const [field, change] of Object.entries(v as Record<string, { from?: unknown; to?: unknown }>)) {
        if (isIdKey(field) && field !== 'msapSiteId' && field !== 'administrationId') continue;
        const name = field === 'msapSiteId' ? 'France Services' : field === 'administrationId' ? 'administration' : (KEYS[field] ?? field);
        parts.push(`${name} : ${value(change?.from)} → ${value(change?.to)}`);
      }
    } else if (key === 'before' && isWeekly(v) && isWeekly(details.after)) {
      parts.push(describeWeek(v, details.after));
    } else if (key === 'after' && isWeekly(v) && isWeekly(details.before)) {
      continue;
    } else if (key === 'after' && v && typeof v === 'object') {
      parts.push(value(v));
    } else if (key === 'from' && v && typeof v === 'object' && 'startsAt' in v) {
      parts.push(describeMove(v as Slot, (details.to ?? null) as Slot | null));
    } else if (key === 'to' && v && typeof v === 'object' && 'startsAt' in v && details.from && typeof details.from === 'object') {
      continue;
    } else if ((key === 'from' || key === 'to') && typeof v === 'string' && typeof details.from === 'string' && typeof details.to === 'string') {
      // A role change: { from: 'coordinator', to: 'admin' } (its `changes` say the same; said once).
      if (key === 'from' && !details.changes) parts.push(`${value(details.from)} → ${value(details.to)}`);
    } else {
      parts.push(`${KEYS[key] ?? key} : ${value(v)}`);
    }
  }
  const line = parts.join(' · ');
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}
