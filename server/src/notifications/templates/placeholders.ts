import { frenchParts } from '../../common/time/french-date';
import { displayPhone } from '../../../../shared/sms/phone';
import { PLACEHOLDER, PlaceholderName } from '../../../../shared/sms/placeholders';

export { unknownPlaceholders } from '../../../../shared/sms/placeholders';

/** What a template may say about one consultation, read at enqueue time. */
export interface TemplateContext {
  citizenName: string;
  startsAt: Date;
  endsAt: Date;
  msapName: string;
  msapAddress: string;
  /** The MSAP's phone number (E.164), null when the directory has none. */
  msapPhone: string | null;
  boothName: string;
  administration: string;
  agentName: string;
  subject: string;
  documents: string[];
}

/** The value of each placeholder (shared/sms/placeholders.ts names them for the client too). */
export const PLACEHOLDERS: Readonly<Record<PlaceholderName, (c: TemplateContext) => string>> = {
  nom: (c) => c.citizenName || 'Madame, Monsieur',
  date: (c) => {
    const { date, time } = frenchParts(c.startsAt);
    return `${date} à ${time}`;
  },
  jour: (c) => frenchParts(c.startsAt).date,
  heure: (c) => frenchParts(c.startsAt).time,
  msap: (c) => c.msapName,
  adresse: (c) => c.msapAddress,
  cabine: (c) => c.boothName,
  administration: (c) => c.administration,
  agent: (c) => c.agentName,
  objet: (c) => c.subject || 'votre démarche',
  documents: (c) => (c.documents.length > 0 ? c.documents.join(', ') : 'aucun document particulier'),
  // Empty when unknown: the templates then leave out the sentence that gives it.
  telephone: (c) => (c.msapPhone ? displayPhone(c.msapPhone) : ''),
};

export type PlaceholderValues = Readonly<Record<string, string>>;

/** Computed once per consultation, then reused by every template of every channel. */
export function placeholderValues(context: TemplateContext): PlaceholderValues {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(PLACEHOLDERS)) {
    if (name !== 'date' && name !== 'jour' && name !== 'heure') values[name] = value(context);
  }
  // The date is formatted once for the three placeholders that show it.
  const { date, time } = frenchParts(context.startsAt);
  return { ...values, date: `${date} à ${time}`, jour: date, heure: time };
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
