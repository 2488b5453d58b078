import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { ConsultationReader, ConsultationSummary } from '../consultations/consultation.reader';
import { ListOutboxQueryDto } from './dto/list-outbox.dto';
import { OutboxItemView, OutboxPageView } from './dto/outbox.view';
import { ACCOUNT_LINK_PATTERN } from './account-messages/account-messages.service';

interface Row {
  id: string;
  consultation_id: string | null;
  user_id: string | null;
  event: string;
  channel: string;
  transport: string | null;
  recipient: string;
  subject: string | null;
  body: string;
  sms_encoding: string | null;
  sms_segments: number | null;
  has_ics: boolean;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  next_attempt_at: Date;
  sent_at: Date | null;
  erased_at: Date | null;
  total: string;
}

/**
 * The outbox as coordinators read it (their département; admins everything, the messages about
 * accounts included: those have no département), newest first.
 */
@Injectable()
export class OutboxQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationReader,
  ) {}

  async list(user: UserPrincipal, query: ListOutboxQueryDto): Promise<OutboxPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    // Coordinators without a département see nothing rather than everything.
    if (user.role !== 'admin') add('o.departement = ?', user.departement ?? '');
    if (query.status) add('o.status = ?', query.status);
    if (query.channel) add('o.channel = ?', query.channel);
    if (query.event) add('o.event = ?', query.event);
    if (query.consultationId) add('o.consultation_id = ?', query.consultationId);
    if (query.from) add('o.created_at >= ?', new Date(query.from));
    if (query.to) add('o.created_at < ?', new Date(query.to));
    if (query.from && query.to && new Date(query.to) <= new Date(query.from)) {
      throw new DomainError('VALIDATION_FAILED', 'to must be after from.', { to: ['END_BEFORE_START'] });
    }
    if (query.q) where.push(searchCondition(query.q, params));
    params.push(pageSize, (page - 1) * pageSize);
    const rows: Row[] = await this.dataSource.query(
      `SELECT o.id, o.consultation_id, o.user_id, o.event, o.channel, o.transport, o.recipient, o.subject, o.body, o.sms_encoding,
              o.sms_segments, o.ics IS NOT NULL AS has_ics, o.status, o.attempts, o.last_error, o.created_at,
              o.next_attempt_at, o.sent_at, o.erased_at, count(*) OVER () AS total
         FROM notification_outbox o
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY o.created_at DESC, o.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0] ? Number(rows[0].total) : await this.count(where, params.slice(0, -2));
    const consultations = new Map((await this.consultations.summaries([...new Set(rows.flatMap((r) => (r.consultation_id ? [r.consultation_id] : [])))])).map((c) => [c.id, c]));
    return { page, pageSize, total, items: rows.map((r) => toView(r, r.consultation_id ? consultations.get(r.consultation_id) : undefined)) };
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_outbox o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return row.n as number;
  }
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Messages whose recipient, or whose consultation's citizen (name, phones, e-mail), contains `text`.
 * A phone number matches however it is typed: its digits are compared with those of the E.164
 * form, a leading national 0 read as +33 (0612 finds +33612…).
 */
function searchCondition(text: string, params: unknown[]): string {
  params.push(`%${likeLiteral(text)}%`);
  const like = `$${params.length}`;
  const own = [`o.recipient ILIKE ${like}`];
  const citizen = [`c.citizen_name ILIKE ${like}`, `c.citizen_email ILIKE ${like}`];
  const digits = text.replace(/\D/g, '');
  if (/^[\d\s.+()-]+$/.test(text) && digits.length >= 4) {
    const international = digits.startsWith('00') ? digits.slice(2) : digits.startsWith('0') ? `33${digits.slice(1)}` : digits;
    params.push(`%${international}%`);
    const phone = `$${params.length}`;
    own.push(`regexp_replace(o.recipient, '\\D', '', 'g') LIKE ${phone}`);
    citizen.push(`regexp_replace(coalesce(c.citizen_phone, ''), '\\D', '', 'g') LIKE ${phone}`);
    citizen.push(`regexp_replace(coalesce(c.citizen_landline, ''), '\\D', '', 'g') LIKE ${phone}`);
  }
  return `(${own.join(' OR ')} OR o.consultation_id IN (SELECT c.id FROM consultations c WHERE ${citizen.join(' OR ')}))`;
}

/** A citizen's personal link lets whoever holds it cancel the appointment as the citizen. */
const CITIZEN_LINK_PATTERN = /\/rdv\/[A-Za-z0-9_-]{22}/g;

/**
 * Links are credentials. A password link is shown where the local outbox is how it is delivered
 * (no SMTP server), masked once it is sent by e-mail or waiting to be. A citizen's personal link is
 * masked once a provider carried it to the citizen: staff act through their own screens, where
 * the audit trail names them, not as the citizen.
 */
function maskLinks(r: Row): string {
  if (r.user_id) return r.transport !== 'local' ? r.body.replace(ACCOUNT_LINK_PATTERN, '/mot-de-passe/…') : r.body;
  return r.transport === 'sms_http' || r.transport === 'smtp' ? r.body.replace(CITIZEN_LINK_PATTERN, '/rdv/…') : r.body;
}

function toView(r: Row, c: ConsultationSummary | undefined): OutboxItemView {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    userId: r.user_id,
    event: r.event,
    channel: r.channel,
    transport: r.transport,
    recipient: r.recipient,
    subject: r.subject,
    text: maskLinks(r),
    sms: r.channel === 'sms' ? { encoding: r.sms_encoding ?? 'GSM-7', segments: r.sms_segments ?? 1, characters: [...r.body].length } : null,
    hasCalendarInvite: r.has_ics,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    nextAttemptAt: r.status === 'pending' || r.status === 'sending' ? r.next_attempt_at.toISOString() : null,
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    erasedAt: r.erased_at ? r.erased_at.toISOString() : null,
    // A message about a consultation has it (a foreign key); `?? ''` only keeps the type honest.
    consultation: r.consultation_id
      ? {
          startsAt: c?.startsAt.toISOString() ?? '',
          citizenName: c?.citizenName ?? '',
          msapSiteName: c?.msapSiteName ?? '',
          boothName: c?.boothName ?? '',
        }
      : null,
  };
}
