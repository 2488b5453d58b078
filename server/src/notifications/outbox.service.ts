import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedTxQuery } from '../database/prepared-query';
import { notificationsConfig, NotificationsConfig } from '../config/configuration';
import { buildCalendar, consultationUid } from './ics/ics';
import { measureSms } from './sms/gsm7';
import { placeholderValues, TemplateContext } from './templates/placeholders';
import { companionInsert, CompanionRows, NewBooking } from '../scheduling/consultation-events';
import { Channel, hasTemplate, NotificationEvent, OutboxEvent, renderMessage } from './templates/templates';

export interface EnqueueInput {
  consultationIds: string[];
  event: NotificationEvent;
  /** Citizen-facing text replacing the default one (placeholders allowed), e.g. a cancellation notice. */
  message?: string;
}

interface ConsultationRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  citizen_name: string;
  citizen_phone: string | null;
  citizen_email: string | null;
  booth_name: string;
  msap_name: string;
  msap_address: string;
  departement: string;
  administration: string;
  agent_name: string;
  agent_email: string;
  subject: string | null;
  documents: string[] | null;
  sequence: number;
}

interface OutboxRow {
  consultationId: string;
  event: OutboxEvent;
  revision: number;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  ics: string | null;
  smsEncoding: string | null;
  smsSegments: number | null;
  departement: string;
}

const LOAD_SQL = `SELECT c.id, c.starts_at, c.ends_at, c.citizen_name, c.citizen_phone, c.citizen_email,
              b.name AS booth_name, s.name AS msap_name, s.address || ', ' || s.postal_code || ' ' || s.city AS msap_address,
              s.departement, adm.name AS administration, u.display_name AS agent_name, u.email AS agent_email,
              t.subject, t.documents, COALESCE(seq.sequence, 0) AS sequence
         FROM consultations c
         JOIN booths b ON b.id = c.booth_id
         JOIN msap_sites s ON s.id = b.msap_site_id
         JOIN administrations adm ON adm.id = c.administration_id
         JOIN agents a ON a.id = c.agent_id
         JOIN users u ON u.id = a.user_id
         LEFT JOIN consultation_types t ON t.id = c.consultation_type_id
         LEFT JOIN consultation_notification_sequences seq ON seq.consultation_id = c.id
        WHERE c.id = ANY($1::uuid[])`;
const LOAD_ONE_SQL = LOAD_SQL.replace('c.id = ANY($1::uuid[])', 'c.id = $1');

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

  constructor(@Inject(notificationsConfig.KEY) config: NotificationsConfig) {
    const address = /<([^>]+)>/.exec(config.from)?.[1] ?? config.from;
    this.organizer = { name: 'Visio MSAP', email: address };
  }

  async enqueue(manager: EntityManager, input: EnqueueInput): Promise<void> {
    await this.write(manager, input.consultationIds, input.event, input.message);
  }

  /**
   * A new booking's messages, rendered from what the booking already knows, for its own INSERT
   * statement to write (no reload of the consultation, no transaction around).
   */
  bookingRows(b: NewBooking, stamp = new Date()): CompanionRows {
    const c: ConsultationRow = {
      id: b.id,
      starts_at: b.startsAt,
      ends_at: b.endsAt,
      citizen_name: b.citizen.name,
      citizen_phone: b.citizen.phone,
      citizen_email: b.citizen.email,
      booth_name: b.booth.name,
      msap_name: b.booth.msapName,
      msap_address: b.booth.msapAddress,
      departement: b.booth.departement,
      administration: b.administration,
      agent_name: b.agent.name,
      agent_email: b.agent.email,
      subject: b.type?.subject ?? null,
      documents: b.type?.documents ?? null,
      sequence: 0,
    };
    return outboxRows(this.render(c, 'booked', undefined, stamp));
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

  private async write(manager: EntityManager, ids: string[], event: OutboxEvent, message?: string): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (event === 'rescheduled' || event === 'cancelled') await this.bumpSequences(manager, unique);
    const consultations = await this.load(manager, unique);
    const stamp = new Date();
    const rows = consultations.flatMap((c) => this.render(c, event, message, stamp));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await this.insert(manager, rows.slice(i, i + INSERT_CHUNK));
  }

  /**
   * Each move, reassignment and cancellation changes the agent's calendar entry: its SEQUENCE must
   * grow. The counter lives in the same transaction, so a rolled-back change consumes no number.
   */
  private async bumpSequences(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO consultation_notification_sequences (consultation_id, sequence)
       SELECT unnest($1::uuid[]), 1
       ON CONFLICT (consultation_id) DO UPDATE SET sequence = consultation_notification_sequences.sequence + 1`,
      [ids],
    );
  }

  private load(manager: EntityManager, ids: string[]): Promise<ConsultationRow[]> {
    // One consultation (a booking, a move, a cancellation): a named statement, planned once per
    // connection; planned on every call, this eight-table join cost ten times its execution.
    if (ids.length === 1) return preparedTxQuery<ConsultationRow>(manager, 'outbox-load-one', LOAD_ONE_SQL, ids);
    return manager.query(LOAD_SQL, [ids]);
  }

  private render(c: ConsultationRow, event: OutboxEvent, message?: string, stamp = new Date()): OutboxRow[] {
    const context: TemplateContext = {
      citizenName: c.citizen_name,
      startsAt: c.starts_at,
      endsAt: c.ends_at,
      msapName: c.msap_name,
      msapAddress: c.msap_address,
      boothName: c.booth_name,
      administration: c.administration,
      agentName: c.agent_name,
      subject: c.subject ?? '',
      documents: c.documents ?? [],
    };
    const values = placeholderValues(context);
    // Booking and cancellation happen once per consultation; moves, reassignments and reminders
    // repeat, so their key carries the sequence.
    const revision = event === 'booked' || event === 'cancelled' ? 0 : c.sequence;
    const base = { consultationId: c.id, event, revision, departement: c.departement, ics: null, smsEncoding: null, smsSegments: null };
    const rows: OutboxRow[] = [];
    if (c.citizen_phone && hasTemplate(event, 'sms')) {
      const sms = measureSms(renderMessage(event, 'sms', values, message).body);
      rows.push({ ...base, channel: 'sms', recipient: c.citizen_phone, subject: null, body: sms.text, smsEncoding: sms.encoding, smsSegments: sms.segments });
    }
    if (c.citizen_email && hasTemplate(event, 'email')) {
      rows.push({ ...base, channel: 'email', recipient: c.citizen_email, ...renderMessage(event, 'email', values, message) });
    }
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
            summary: `Visio MSAP : ${context.subject || 'consultation'} (${c.citizen_name || 'usager'})`,
            // The calendar entry says what and where; the e-mail around it says what changed.
            description: `${c.citizen_name || 'Usager'} — ${context.subject || 'consultation'} — ${c.administration}`,
            location: `${c.msap_name}, ${c.booth_name} (visioconférence)`,
            status: cancelled ? 'CANCELLED' : 'CONFIRMED',
            organizer: this.organizer,
            attendee: { name: c.agent_name, email: c.agent_email },
            stamp,
          },
        ],
        { method: cancelled ? 'CANCEL' : 'REQUEST' },
      );
      rows.push({ ...base, channel: 'agent_email', recipient: c.agent_email, ...rendered, ics });
    }
    return rows;
  }

  private async insert(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const outbox = outboxRows(rows);
    await manager.query(companionInsert(outbox), outbox.values);
  }
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
] as const satisfies ReadonlyArray<readonly [string, string, keyof OutboxRow]>;

/**
 * Rendered rows as one array per column. ON CONFLICT DO NOTHING: a second enqueue of the same
 * (consultation, event, revision, channel) is a no-op, which is what makes retries and resumed jobs safe.
 */
function outboxRows(rows: OutboxRow[]): Required<CompanionRows> {
  return {
    table: 'notification_outbox',
    columns: OUTBOX_COLUMNS.map(([name, type]) => [name, type] as const),
    values: OUTBOX_COLUMNS.map(([, , key]) => rows.map((r) => r[key])),
    onConflict: 'ON CONFLICT ON CONSTRAINT notification_outbox_once DO NOTHING',
  };
}
