import { DateTime } from 'luxon';

const PARIS = 'Europe/Paris';
const MAX = 240;

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
  msapSiteId: 'France Services',
  administrationId: 'administration',
  agentId: 'agent',
  boothId: 'cabine',
};

/** The order a person reads an appointment in: when, where, with whom, about what. */
const ORDER = ['startsAt', 'endsAt', 'site', 'booth', 'agent', 'administration', 'subject', 'from', 'to', 'changes'];
const rank = (key: string) => {
  const i = ORDER.indexOf(key);
  return i === -1 ? ORDER.length : i;
};

const VALUES: Record<string, string> = { true: 'oui', false: 'non', citizen_link: 'lien personnel de l’usager', absence: 'absence de l’agent' };

const isIsoInstant = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);
const isUuid = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v);

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (isIsoInstant(v)) return DateTime.fromISO(v).setZone(PARIS).toFormat('dd/LL/yyyy HH:mm');
  if (isUuid(v)) return `${String(v).slice(0, 8)}…`;
  if (typeof v === 'boolean' || typeof v === 'number') return VALUES[String(v)] ?? String(v);
  if (typeof v === 'string') return VALUES[v] ?? v;
  if (Array.isArray(v)) return v.map(value).join(', ');
  return Object.entries(v as Record<string, unknown>)
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

/**
 * The details of an audit entry in one line of French: before → after for changes and moves, the
 * rest as "clé valeur" pairs. Long lines are cut (the CSV export keeps everything).
 */
export function describeDetails(details: Record<string, unknown>): string {
  const parts: string[] = [];
  // PostgreSQL's jsonb keeps keys in its own order: the known ones are said in reading order.
  const entries = Object.entries(details).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, v] of entries) {
    if (key === 'changes' && v && typeof v === 'object') {
      for (const [field, change] of Object.entries(v as Record<string, { from?: unknown; to?: unknown }>)) {
        parts.push(`${KEYS[field] ?? field} : ${value(change?.from)} → ${value(change?.to)}`);
      }
    } else if (key === 'from' && v && typeof v === 'object' && 'startsAt' in v) {
      parts.push(describeMove(v as Slot, (details.to ?? null) as Slot | null));
    } else if (key === 'to' && v && typeof v === 'object' && 'startsAt' in v && details.from && typeof details.from === 'object') {
      continue;
    } else {
      parts.push(`${KEYS[key] ?? key} : ${value(v)}`);
    }
  }
  const line = parts.join(' · ');
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}
