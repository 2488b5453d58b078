import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { notificationsConfig, NotificationsConfig } from '../config/configuration';
import { buildCalendar, callLink, consultationUid, initials } from './ics/ics';
import { measureSms } from '../../../shared/sms/gsm7';
import { citizenChannels } from '../../../shared/sms/phone';
import { placeholderValues, PlaceholderValues, TemplateContext } from './templates/placeholders';
import { BookingCompanion, NewBooking } from '../consultations/consultation-events';
import { ConsultationDescription, ConsultationReader } from '../consultations/consultation.reader';
import { CitizenLinks } from '../citizen-link/citizen-links';
import {
  hasTemplate,
  NOTIFICATION_EVENTS,
  NotificationEvent,
  OutboxChannel,
  OutboxEvent,
  renderCallNote,
  renderDocumentCopy,
  renderMessage,
} from './templates/templates';

export interface EnqueueInput {
  consultationIds: readonly string[];
  event: NotificationEvent;
  /** Citizen-facing text replacing the default one (placeholders allowed), e.g. a cancellation notice. */
  message?: string;
}

/** A consultation as its messages describe it, with its calendar entry's SEQUENCE. */
interface ConsultationRow extends ConsultationDescription {
  sequence: number;
}

/** What one citizen is sent about one change, or what to tell them on the phone (channel `call`). */
export interface CitizenMessage {
  channel: Extract<OutboxChannel, 'sms' | 'email' | 'call'>;
  /** The mobile or the e-mail address; for a call, the number to call (the landline first; '' when there is none). */
  recipient: string;
  subject: string | null;
  body: string;
  smsEncoding: string | null;
  smsSegments: number | null;
  /** A call is not sent: it waits on the list of citizens to call until someone says it was made. */
  status: 'pending' | 'to_call';
}

/** A consultation and what its citizen would be told (previews: nothing is written). */
export interface CitizenMessagesPreview {
  consultation: ConsultationDescription;
  messages: CitizenMessage[];
}

interface OutboxRow extends Omit<CitizenMessage, 'channel'> {
  consultationId: string;
  event: OutboxEvent;
  revision: number;
  channel: OutboxChannel;
  ics: string | null;
  departement: string;
}

// Postgres caps a statement at 65,535 parameters; arrays sidestep that, this only bounds memory.
const INSERT_CHUNK = 2000;

/**
 * Writes notifications into the outbox inside the caller's transaction, so a booking, a move or a
 * cancellation and the messages announcing it commit (or roll back) together. Messages are rendered
 * here, at enqueue time: the row keeps what was promised even if a template or the consultation
 * changes before the dispatcher sends it, and the dispatcher needs no joins.
 */
@Injectable()
export class OutboxService {
  private readonly organizer: { name: string; email: string };
  /** The service's address, for the call's link in the agent's calendar entry (none without PUBLIC_URL). */
  private readonly publicUrl: string | null;

  constructor(
    @Inject(notificationsConfig.KEY) config: NotificationsConfig,
    private readonly consultations: ConsultationReader,
    private readonly links: CitizenLinks,
  ) {
    const address = /<([^>]+)>/.exec(config.from)?.[1] ?? config.from;
    this.organizer = { name: 'Visio MSAP', email: address };
    this.publicUrl = config.publicUrl?.replace(/\/$/, '') ?? null;
  }

  async enqueue(manager: EntityManager, input: EnqueueInput): Promise<void> {
    await this.write(manager, input.consultationIds, input.event, input.message);
  }

  /**
   * A new booking's messages, rendered from what the booking already knows, for its own INSERT
   * statement to write (no reload of the consultation, no transaction around), after the row of the
   * citizen's personal link they carry (its token is only in them; its hash in that row).
   */
  bookingRows(b: NewBooking, stamp = new Date()): BookingCompanion[] {
    const link = this.links.withBooking(b);
    const c: ConsultationRow = {
      id: b.id,
      starts_at: b.startsAt,
      ends_at: b.endsAt,
      citizen_name: b.citizen.name,
      citizen_phone: b.citizen.phone,
      citizen_landline: b.citizen.landline,
      citizen_email: b.citizen.email,
      booth_name: b.booth.name,
      msap_name: b.booth.msapName,
      msap_address: b.booth.msapAddress,
      msap_phone: b.booth.msapPhone,
      departement: b.booth.departement,
      administration: b.administration,
      agent_name: b.agent.name,
      agent_email: b.agent.email,
      subject: b.type?.subject ?? null,
      documents: b.type?.documents ?? null,
      sequence: 0,
    };
    const { values } = outboxRows(this.render(c, 'booked', undefined, stamp, link.url));
    return [link.companion, { insert: (firstParam, condition) => outboxInsert(firstParam, condition), values }];
  }

  /**
   * What the citizens of these consultations would be told of `event`, rendered exactly as `enqueue`
   * renders it, in the caller's transaction; nothing is written (a cancellation's preview).
   */
  async previewCitizenMessages(manager: EntityManager, consultationIds: readonly string[], event: NotificationEvent, message?: string): Promise<CitizenMessagesPreview[]> {
    const described = await this.consultations.describe(manager, consultationIds);
    const byId = new Map(described.map((c) => [c.id, c]));
    return consultationIds.flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ consultation: c, messages: citizenMessages(c, event, placeholderValues(contextOf(c)), message) }] : [];
    });
  }

  /** Once a consultation's citizen is erased, so are the messages sent to them or about them, and the calls noted. */
  async eraseMessagesOf(manager: EntityManager, consultationIds: readonly string[]): Promise<number> {
    const [, count] = (await manager.query(
      `${BLANK_OUTBOX} WHERE o.consultation_id = ANY($1::uuid[]) AND o.erased_at IS NULL AND o.status IN (${SETTLED_STATUSES})`,
      [consultationIds],
    )) as [unknown, number];
    return count;
  }

  /**
   * A copy of a document the agent sent, to the citizen's e-mail, in the caller's transaction (the
   * one that makes the document ready). The file is attached when the message leaves. False when
   * the consultation has no e-mail address (any more).
   */
  async enqueueDocumentCopy(manager: EntityManager, consultationId: string, documentId: string, title: string): Promise<boolean> {
    const [c] = await this.load(manager, [consultationId]);
    if (!c?.citizen_email) return false;
    const { subject, body } = renderDocumentCopy(placeholderValues(contextOf(c)), title);
    await manager.query(
      `INSERT INTO notification_outbox (consultation_id, event, revision, channel, recipient, subject, body, departement, document_id)
       VALUES ($1, 'document_sent', nextval('document_copy_revisions'), 'email', $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT notification_outbox_once DO NOTHING`,
      [c.id, c.citizen_email, subject, body, c.departement, documentId],
    );
    return true;
  }

  /** Reminder rows for the given consultations; the caller has checked the window. */
  async enqueueReminder(manager: EntityManager, consultationIds: string[], offsetLabel: string): Promise<void> {
    await this.write(manager, consultationIds, `reminder_${offsetLabel}`);
  }

  /**
   * A consultation handed over to another agent (already updated): the new agent gets an invitation,
   * the previous one a cancellation of the same calendar entry. The citizen's appointment is unchanged.
   */
  async enqueueReassignment(manager: EntityManager, consultationId: string, previousAgentId: string | null): Promise<void> {
    await this.bumpSequences(manager, [consultationId]);
    const [c] = await this.load(manager, [consultationId]);
    if (!c) return;
    await this.insert(manager, [...this.render(c, 'reassigned'), ...(await this.unassignedRows(manager, c, previousAgentId))]);
  }

  /** After a move that also changed the agent (enqueued as `rescheduled`): the previous agent's entry is cancelled. */
  async enqueueUnassigned(manager: EntityManager, consultationId: string, previousAgentId: string): Promise<void> {
    const [c] = await this.load(manager, [consultationId]);
    if (c) await this.insert(manager, await this.unassignedRows(manager, c, previousAgentId));
  }

  private async unassignedRows(manager: EntityManager, c: ConsultationRow, previousAgentId: string | null): Promise<OutboxRow[]> {
    if (!previousAgentId) return [];
    const [previous] = await manager.query(
      'SELECT u.display_name AS name, u.email FROM agents a JOIN users u ON u.id = a.user_id WHERE a.id = $1',
      [previousAgentId],
    );
    if (!previous || previous.email === c.agent_email) return [];
    return this.render({ ...c, agent_name: previous.name, agent_email: previous.email }, 'unassigned');
  }

  private async write(manager: EntityManager, ids: readonly string[], event: OutboxEvent, message?: string): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (event === 'rescheduled' || event === 'cancelled') await this.bumpSequences(manager, unique);
    const consultations = await this.load(manager, unique);
    const stamp = new Date();
    const links = await this.linksFor(manager, consultations, event);
    const rows = consultations.flatMap((c) => this.render(c, event, message, stamp, links.get(c.id)));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await this.insert(manager, rows.slice(i, i + INSERT_CHUNK));
  }

  /**
   * The personal links the citizens' messages carry: a confirmation's (issued here when the booking
   * did not write one itself), a move's and a reminder's. Only a token's hash is stored, so each of
   * these messages gets a fresh token (earlier ones keep working), and only for a citizen who gets
   * an SMS or an e-mail: a call note gives no link.
   */
  private async linksFor(manager: EntityManager, consultations: ConsultationRow[], event: OutboxEvent): Promise<Map<string, string>> {
    if (event === 'booked') return this.links.issue(manager, consultations.map((c) => c.id), 'booking');
    if (event !== 'rescheduled' && !event.startsWith('reminder_')) return new Map();
    const reached = consultations.filter((c) => {
      const reach = citizenChannels({ phone: c.citizen_phone, email: c.citizen_email });
      return reach.sms || reach.email;
    });
    return this.links.issue(manager, reached.map((c) => c.id), 'booking');
  }

  /**
   * Each move, reassignment and cancellation changes the agent's calendar entry: its SEQUENCE must
   * grow. The counter lives in the same transaction, so a rolled-back change consumes no number.
   */
  private async bumpSequences(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query(
      `INSERT INTO consultation_notification_sequences (consultation_id, sequence)
       SELECT unnest($1::uuid[]), 1
       ON CONFLICT (consultation_id) DO UPDATE SET sequence = consultation_notification_sequences.sequence + 1`,
      [ids],
    );
  }

  private async load(manager: EntityManager, ids: readonly string[]): Promise<ConsultationRow[]> {
    const described = await this.consultations.describe(manager, ids);
    if (described.length === 0) return [];
    const sequences = (await manager.query(
      'SELECT consultation_id, sequence FROM consultation_notification_sequences WHERE consultation_id = ANY($1::uuid[])',
      [described.map((c) => c.id)],
    )) as Array<{ consultation_id: string; sequence: number }>;
    const sequence = new Map(sequences.map((r) => [r.consultation_id, r.sequence]));
    return described.map((c) => ({ ...c, sequence: sequence.get(c.id) ?? 0 }));
  }


  private render(c: ConsultationRow, event: OutboxEvent, message?: string, stamp = new Date(), link?: string): OutboxRow[] {
    // {lien} is not a placeholder coordinators may use: only the outbox issues links (linksFor).
    const values = link ? { ...placeholderValues(contextOf(c)), lien: link } : placeholderValues(contextOf(c));
    // Booking and cancellation happen once per consultation; moves, reassignments and reminders
    // repeat, so their key carries the sequence.
    const revision = event === 'booked' || event === 'cancelled' ? 0 : c.sequence;
    const base = { consultationId: c.id, event, revision, departement: c.departement, ics: null };
    const rows: OutboxRow[] = citizenMessages(c, event, values, message).map((m) => ({ ...base, ...m }));
    if (hasTemplate(event, 'agent_email')) {
      const rendered = renderMessage(event, 'agent_email', values, message);
      const cancelled = event === 'cancelled' || event === 'unassigned';
      const ics = buildCalendar(
        [
          {
            uid: consultationUid(c.id),
            sequence: c.sequence,
            startsAt: c.starts_at,
            endsAt: c.ends_at,
            // The same entry as the agent's calendar feed (same UID): the citizen by initials, the call's link.
            summary: `Visio MSAP : ${c.subject || 'consultation'} (${initials(c.citizen_name) || 'usager'})`,
            // The calendar entry says what and where; the e-mail around it says what changed.
            description: [`${c.subject || 'consultation'} — ${c.administration}`, this.publicUrl && `Rejoindre : ${callLink(this.publicUrl, c.id)}`]
              .filter(Boolean)
              .join('\n'),
            url: this.publicUrl ? callLink(this.publicUrl, c.id) : undefined,
            location: `${c.msap_name}, ${c.booth_name} (visioconférence)`,
            status: cancelled ? 'CANCELLED' : 'CONFIRMED',
            organizer: this.organizer,
            attendee: { name: c.agent_name, email: c.agent_email },
            stamp,
          },
        ],
        { method: cancelled ? 'CANCEL' : 'REQUEST' },
      );
      rows.push({ ...base, channel: 'agent_email', recipient: c.agent_email, ...rendered, ics, smsEncoding: null, smsSegments: null, status: 'pending' });
    }
    return rows;
  }

  private async insert(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(outboxInsert(1, ''), outboxRows(rows).values);
  }
}

const isNotificationEvent = (event: OutboxEvent): event is NotificationEvent => (NOTIFICATION_EVENTS as readonly string[]).includes(event);

/**
 * The citizen's side of a change: an SMS to a mobile, an e-mail to an address, and when they have
 * neither (no number, or only a landline: shared/sms/phone.ts decides) a call to make about a
 * booking, a move or a cancellation, with what to tell them and the number to dial: the landline
 * given for that, else a phone booked before mobiles were required (a landline too). A landline
 * never gets an SMS marked sent.
 */
function citizenMessages(c: ConsultationDescription, event: OutboxEvent, values: PlaceholderValues, message?: string): CitizenMessage[] {
  const reach = citizenChannels({ phone: c.citizen_phone, email: c.citizen_email });
  const messages: CitizenMessage[] = [];
  if (reach.sms && hasTemplate(event, 'sms')) {
    const sms = measureSms(renderMessage(event, 'sms', values, message).body);
    messages.push({ channel: 'sms', recipient: c.citizen_phone!, subject: null, body: sms.text, smsEncoding: sms.encoding, smsSegments: sms.segments, status: 'pending' });
  }
  if (reach.email && hasTemplate(event, 'email')) {
    const email = renderMessage(event, 'email', values, message);
    messages.push({ channel: 'email', recipient: c.citizen_email!, ...email, smsEncoding: null, smsSegments: null, status: 'pending' });
  }
  if (!reach.sms && !reach.email && isNotificationEvent(event)) {
    const body = renderCallNote(event, values, message);
    messages.push({ channel: 'call', recipient: c.citizen_landline ?? c.citizen_phone ?? '', subject: null, body, smsEncoding: null, smsSegments: null, status: 'to_call' });
  }
  return messages;
}

/** What a consultation's messages say of it. */
function contextOf(c: ConsultationDescription): TemplateContext {
  return {
    citizenName: c.citizen_name,
    startsAt: c.starts_at,
    endsAt: c.ends_at,
    msapName: c.msap_name,
    msapAddress: c.msap_address,
    msapPhone: c.msap_phone,
    boothName: c.booth_name,
    administration: c.administration,
    agentName: c.agent_name,
    subject: c.subject ?? '',
    documents: c.documents ?? [],
  };
}

/** Outbox columns, their SQL types and the row field each comes from. */
const OUTBOX_COLUMNS = [
  ['consultation_id', 'uuid', 'consultationId'],
  ['event', 'text', 'event'],
  ['revision', 'int', 'revision'],
  ['channel', 'text', 'channel'],
  ['recipient', 'text', 'recipient'],
  ['subject', 'text', 'subject'],
  ['body', 'text', 'body'],
  ['ics', 'text', 'ics'],
  ['sms_encoding', 'text', 'smsEncoding'],
  ['sms_segments', 'smallint', 'smsSegments'],
  ['departement', 'varchar', 'departement'],
  ['status', 'text', 'status'],
] as const satisfies ReadonlyArray<readonly [string, string, keyof OutboxRow]>;

/** Rendered rows as one array per column, in OUTBOX_COLUMNS order (what outboxInsert binds). */
function outboxRows(rows: OutboxRow[]): { values: unknown[][] } {
  return { values: OUTBOX_COLUMNS.map(([, , key]) => rows.map((r) => r[key])) };
}

/**
 * The INSERT of outbox rows given as one array per column (an `unnest`: any number of rows, zero
 * included, keeps the statement's shape), bound from `$firstParam` on; `condition` (e.g. `WHERE
 * EXISTS (…)`) decides whether any row is written. ON CONFLICT DO NOTHING: a second enqueue of the
 * same (consultation, event, revision, channel) is a no-op, which makes retries and resumed jobs safe.
 */
function outboxInsert(firstParam: number, condition: string): string {
  const columns = OUTBOX_COLUMNS.map(([name]) => name).join(', ');
  const arrays = OUTBOX_COLUMNS.map(([, type], i) => `$${firstParam + i}::${type}[]`).join(', ');
  return `INSERT INTO notification_outbox (${columns}) SELECT * FROM unnest(${arrays}) ${condition} ON CONFLICT ON CONSTRAINT notification_outbox_once DO NOTHING`;
}

/** Rows the dispatcher is done with (sent or failed) and calls settled or waiting: what erasure may blank. */
export const SETTLED_STATUSES = `'sent', 'failed', 'called', 'to_call'`;

/** The start of an UPDATE blanking outbox messages (alias o): recipient, text, invitation, provider error. */
export const BLANK_OUTBOX = `UPDATE notification_outbox o SET recipient = '', body = '', ics = NULL, last_error = NULL, erased_at = now()`;
