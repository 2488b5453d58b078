import { frenchDate, frenchDateTime, frenchTime } from './french-date';

/** What a template may say about one consultation, read at enqueue time. */
export interface TemplateContext {
  citizenName: string;
  startsAt: Date;
  endsAt: Date;
  msapName: string;
  msapAddress: string;
  boothName: string;
  administration: string;
  agentName: string;
  subject: string;
  documents: string[];
}

/**
 * The placeholders templates and coordinators' messages may use, in French since coordinators write
 * them: "Bonjour {nom}, votre rendez-vous du {date}…".
 */
export const PLACEHOLDERS: Readonly<Record<string, (c: TemplateContext) => string>> = {
  nom: (c) => c.citizenName || 'Madame, Monsieur',
  date: (c) => frenchDateTime(c.startsAt),
  jour: (c) => frenchDate(c.startsAt),
  heure: (c) => frenchTime(c.startsAt),
  msap: (c) => c.msapName,
  adresse: (c) => c.msapAddress,
  cabine: (c) => c.boothName,
  administration: (c) => c.administration,
  agent: (c) => c.agentName,
  objet: (c) => c.subject || 'votre démarche',
  documents: (c) => (c.documents.length > 0 ? c.documents.join(', ') : 'aucun document particulier'),
};

const PLACEHOLDER = /\{([a-z]+)\}/g;

/** Names between braces that are not placeholders (a typo would otherwise reach citizens verbatim). */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(name in PLACEHOLDERS)))];
}

export type PlaceholderValues = Readonly<Record<string, string>>;

/** Computed once per consultation, then reused by every template of every channel. */
export function placeholderValues(context: TemplateContext): PlaceholderValues {
  return Object.fromEntries(Object.entries(PLACEHOLDERS).map(([name, value]) => [name, value(context)]));
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
