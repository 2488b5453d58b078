import { fillPlaceholders, PlaceholderValues } from './placeholders';

export const NOTIFICATION_EVENTS = ['booked', 'rescheduled', 'cancelled'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
/**
 * Stored events: the three changes, a reassignment (invitation to the new agent, cancellation to
 * the previous one) and one reminder event per configured offset ("reminder_2d").
 */
export type OutboxEvent = NotificationEvent | 'reassigned' | 'unassigned' | 'document_sent' | `reminder_${string}`;

export const CHANNELS = ['sms', 'email', 'agent_email'] as const;
export type Channel = (typeof CHANNELS)[number];
/**
 * What the outbox holds besides messages to send: a citizen with neither a mobile nor an e-mail
 * address is to be called by the MSAP or the coordination ("call" rows, never dispatched).
 */
export const OUTBOX_CHANNELS = [...CHANNELS, 'call'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export interface RenderedMessage {
  subject: string | null;
  body: string;
}

type TemplateKind = NotificationEvent | 'reassigned' | 'unassigned' | 'document_sent' | 'reminder';
/**
 * `link`: the sentence giving the citizen's personal link ({lien}), put after an SMS's body when a
 * link was issued for the message (a confirmation, a move, a reminder), left out otherwise. An
 * e-mail's line holding an optional placeholder ({lien}, {telephone}) is left out when it is empty.
 */
type Template = { subject?: string; body: string; link?: string };

/** The citizen's message for a single cancellation (placeholders unfilled); the reason is staff's. */
export const cancellationNotice = (reason: string) => `Bonjour {nom}, votre RDV visio {administration} du {date} à {msap} est annulé. Motif : ${reason}`;

/** Who to call back, after every SMS to a citizen; left out while the MSAP's number is unknown. */
const SMS_CONTACT = ' Pour toute question : {msap}, {telephone}.';
/** The personal link (citizen-link module) in an SMS: a fresh token with each message that carries it. */
const SMS_LINK = ' Annuler ou demander un rappel : {lien} (lien personnel)';
const EMAIL_LINK = '\n\nPour l’annuler ou demander à être rappelé : {lien}';
const SIGNATURE = '\n\nCe message est envoyé automatiquement, merci de ne pas y répondre.\nVisio MSAP — France Services';
const DETAILS =
  '\n\nLieu : {msap}, {adresse} ({cabine})\nAdministration : {administration}\nObjet : {objet}\nDocuments à apporter : {documents}';
/** The citizen's details also say whom to call: the MSAP's phone, the line left out while unknown. */
const CITIZEN_DETAILS =
  '\n\nLieu : {msap}, {adresse} ({cabine})\nTéléphone : {telephone}\nAdministration : {administration}\nObjet : {objet}\nDocuments à apporter : {documents}';

/** Placeholders whose line (e-mail) or sentence (SMS) is left out when they have no value. */
const OPTIONAL = ['lien', 'telephone'] as const;

/** One template per (event, channel). Agents get no reminders: their calendar (ICS) does that. */
const TEMPLATES: Readonly<Record<TemplateKind, Partial<Record<Channel, Template>>>> = {
  booked: {
    sms: { body: 'Bonjour {nom}, RDV visio {administration} le {date} à {msap}, {adresse}. Apportez : {documents}.', link: SMS_LINK },
    email: {
      subject: 'Votre rendez-vous du {date}',
      body: 'Bonjour {nom},\n\nVotre rendez-vous en visioconférence avec {administration} est confirmé le {date}.' + EMAIL_LINK + CITIZEN_DETAILS + SIGNATURE,
    },
    agent_email: {
      subject: 'Nouvelle consultation le {date} : {objet}',
      body: 'Bonjour {agent},\n\nUne consultation a été réservée le {date} avec {nom}.' + DETAILS + SIGNATURE,
    },
  },
  rescheduled: {
    sms: { body: 'Bonjour {nom}, votre RDV visio {administration} est déplacé au {date} à {msap}, {adresse}.', link: SMS_LINK },
    email: {
      subject: 'Votre rendez-vous est déplacé au {date}',
      body: 'Bonjour {nom},\n\nVotre rendez-vous en visioconférence avec {administration} est déplacé au {date}.' + EMAIL_LINK + CITIZEN_DETAILS + SIGNATURE,
    },
    agent_email: {
      subject: 'Consultation déplacée au {date} : {objet}',
      body: 'Bonjour {agent},\n\nLa consultation avec {nom} est déplacée au {date}.' + DETAILS + SIGNATURE,
    },
  },
  cancelled: {
    sms: { body: 'Bonjour {nom}, votre RDV visio {administration} du {date} à {msap} est annulé.' },
    email: {
      subject: 'Annulation de votre rendez-vous du {date}',
      body: 'Bonjour {nom},\n\nVotre rendez-vous en visioconférence avec {administration} du {date} est annulé.' + CITIZEN_DETAILS + SIGNATURE,
    },
    agent_email: {
      subject: 'Consultation annulée : {date}',
      body: 'Bonjour {agent},\n\nLa consultation du {date} avec {nom} est annulée.' + DETAILS + SIGNATURE,
    },
  },
  reassigned: {
    agent_email: {
      subject: 'Consultation qui vous est confiée le {date} : {objet}',
      body: 'Bonjour {agent},\n\nLa consultation du {date} avec {nom} vous est confiée.' + DETAILS + SIGNATURE,
    },
  },
  unassigned: {
    agent_email: {
      subject: 'Consultation confiée à un collègue : {date}',
      body: 'Bonjour {agent},\n\nLa consultation du {date} avec {nom} a été confiée à un collègue ; elle est retirée de votre agenda.' + DETAILS + SIGNATURE,
    },
  },
  document_sent: {
    email: {
      subject: 'Document transmis lors de votre rendez-vous du {date}',
      body:
        'Bonjour {nom},\n\nLors de votre rendez-vous en visioconférence avec {administration} du {date}, votre conseiller vous a transmis ' +
        'un document ; à votre demande, il est joint à ce message : « {titre} ».\n\nGardez-le précieusement : nous ne le conservons pas au-delà du délai prévu.' +
        SIGNATURE,
    },
  },
  reminder: {
    sms: { body: 'Rappel : {nom}, RDV visio {administration} le {date} à {msap}, {adresse}. Apportez : {documents}.', link: SMS_LINK },
    email: {
      subject: 'Rappel : rendez-vous le {date}',
      body: 'Bonjour {nom},\n\nNous vous rappelons votre rendez-vous en visioconférence avec {administration} le {date}.' + EMAIL_LINK + CITIZEN_DETAILS + SIGNATURE,
    },
  },
};

const kindOf = (event: OutboxEvent): TemplateKind => (event.startsWith('reminder_') ? 'reminder' : (event as NotificationEvent));

/** Whether this event is ever sent on this channel. */
export const hasTemplate = (event: OutboxEvent, channel: Channel): boolean => TEMPLATES[kindOf(event)][channel] !== undefined;

/** The e-mail carrying a copy of a document: its title is put in after the placeholders, as it is. */
export function renderDocumentCopy(values: PlaceholderValues, title: string): RenderedMessage {
  const rendered = renderMessage('document_sent', 'email', values);
  return { subject: rendered.subject, body: rendered.body.replace('{titre}', () => title) };
}

/**
 * Renders the message for one consultation. A coordinator's `message` (mass cancellation, or a
 * cancellation with notice) replaces the citizen's text; agents get it quoted under their notice.
 * {lien} is in `values` only when the outbox issued a personal link for this message.
 */
export function renderMessage(event: OutboxEvent, channel: Channel, values: PlaceholderValues, message?: string): RenderedMessage {
  const template = TEMPLATES[kindOf(event)][channel];
  if (!template) throw new Error(`no template for ${event}/${channel}`);
  const fill = (text: string) => fillPlaceholders(withoutEmptyLines(text, values), values);
  const custom = message?.trim() ? fillPlaceholders(message.trim(), values) : null;
  const subject = template.subject ? fill(template.subject) : null;
  if (channel === 'sms') {
    const link = template.link && values.lien ? fillPlaceholders(template.link, values) : '';
    return { subject, body: withContact(custom ?? fill(template.body) + link, values) };
  }
  if (custom && channel === 'email') return { subject, body: `${custom}${fill(CITIZEN_DETAILS + SIGNATURE)}` };
  if (custom) return { subject, body: `${fill(template.body)}\n\nMessage transmis au citoyen :\n${custom}` };
  return { subject, body: fill(template.body) };
}

/** The template without the lines whose optional placeholder has no value (a paragraph left empty goes too). */
function withoutEmptyLines(text: string, values: PlaceholderValues): string {
  const missing = OPTIONAL.filter((name) => !values[name]);
  if (missing.length === 0) return text;
  return text
    .split('\n')
    .filter((line) => !missing.some((name) => line.includes(`{${name}}`)))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** The SMS with the MSAP's number at its end, unless unknown or already in it (a coordinator's {telephone}). */
function withContact(body: string, values: PlaceholderValues): string {
  const phone = values.telephone;
  if (!phone || body.includes(phone)) return body;
  // A sentence of its own, also after a reason typed without a full stop.
  return `${body}${/[.!?…]$/.test(body) ? '' : '.'}${fillPlaceholders(SMS_CONTACT, values)}`;
}

/**
 * What to tell by phone a citizen who gets neither SMS nor e-mail (no number, or a landline): the SMS
 * they would have received (a coordinator's message, or the cancellation with its reason), without
 * the call-back line nor what only works on a screen (the personal link; they can call the MSAP
 * instead, which the note gives).
 */
const CALL_NOTES: Readonly<Record<NotificationEvent, string>> = {
  booked: TEMPLATES.booked.sms!.body,
  rescheduled: TEMPLATES.rescheduled.sms!.body,
  cancelled: TEMPLATES.cancelled.sms!.body,
};

export function renderCallNote(event: NotificationEvent, values: PlaceholderValues, message?: string): string {
  const custom = message?.trim();
  return fillPlaceholders(custom || CALL_NOTES[event], values);
}
