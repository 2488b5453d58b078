import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestContexts } from '../../common/http/request-context';
import { UserPrincipal } from '../../auth/principal';
import { DomainError, FieldErrors } from '../../common/errors/domain.error';
import { frenchDateTime } from '../../common/time/french-date';
import { unknownPlaceholders, PLACEHOLDERS } from '../templates/placeholders';
import {
  CreateMassCancellationDto,
  MassCancellationCriteriaDto,
  PreviewMassCancellationMessageDto,
  PreviewMassCancellationQueryDto,
  ReportQueryDto,
} from './dto/mass-cancellation.dto';
import { MassCancellationRunner } from './mass-cancellation.runner';
import { MassCancellationJobView, MassCancellationMessagesView, MassCancellationPreviewView, MassCancellationReportView } from './dto/mass-cancellation.view';
import { classifyPhone } from '../../../../shared/sms/phone';
import { toCitizenMessageView } from '../dto/citizen-message.view';
import { OutboxService } from '../outbox.service';
import { ConsultationReader, MassCancellationCriteria as Criteria } from '../../consultations/consultation.reader';

const MAX_RANGE_MS = 366 * 86_400_000;

@Injectable()
export class MassCancellationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: MassCancellationRunner,
    private readonly consultations: ConsultationReader,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async preview(user: UserPrincipal, query: PreviewMassCancellationQueryDto): Promise<MassCancellationPreviewView> {
    const criteria = await this.criteria(user, query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { total, withoutContact } = await this.consultations.countMassCancellable(criteria);
    const rows = await this.consultations.pageMassCancellable(criteria, page, pageSize);
    return {
      total,
      withoutContact,
      page,
      pageSize,
      items: rows.map((r) => ({
        id: r.id,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        citizenName: r.citizenName,
        hasPhone: r.citizenPhone !== null && classifyPhone(r.citizenPhone) === 'mobile',
        hasEmail: r.citizenEmail !== null,
        msapSiteName: r.msapSiteName,
        boothName: r.boothName,
        agentName: r.agentName,
        administration: r.administration,
      })),
    };
  }

  /**
   * The message step: the message is checked as the confirmation will check it (422 naming
   * `message`), then rendered for the first citizens of the selection exactly as the outbox will
   * write it once confirmed (same renderer, same data; nothing is written).
   */
  async previewMessages(user: UserPrincipal, dto: PreviewMassCancellationMessageDto): Promise<MassCancellationMessagesView> {
    const message = checkedMessage(dto.message);
    const criteria = await this.criteria(user, dto);
    const { total } = await this.consultations.countMassCancellable(criteria);
    const first = await this.consultations.pageMassCancellable(criteria, 1, dto.count ?? 5);
    const previews = await this.outbox.previewCitizenMessages(
      this.dataSource.manager,
      first.map((c) => c.id),
      'cancelled',
      message,
    );
    return {
      total,
      items: previews.map(({ consultation: c, messages }) => ({
        consultationId: c.id,
        citizenName: c.citizen_name,
        startsAt: c.starts_at.toISOString(),
        messages: messages.map(toCitizenMessageView),
      })),
    };
  }

  async create(user: UserPrincipal, dto: CreateMassCancellationDto): Promise<MassCancellationJobView> {
    const message = checkedMessage(dto.message);
    const criteria = await this.criteria(user, dto);
    const jobId = await this.dataSource.transaction(async (tx) => {
      const [job] = await tx.query(
        `INSERT INTO mass_cancellation_jobs (created_by_id, departement, agent_id, administration_id, msap_site_id, range_from, range_to, message, total)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0) RETURNING id`,
        [user.userId, criteria.departement, criteria.agentId, criteria.administrationId, criteria.msapSiteId, criteria.from, criteria.to, message],
      );
      // The selection is frozen now: what the coordinator confirmed is what the job works through.
      const ids = await this.consultations.massCancellableIds(tx, criteria);
      const n = ids.length;
      if (n > 0) await tx.query('INSERT INTO mass_cancellation_items (job_id, consultation_id) SELECT $1, unnest($2::uuid[])', [job.id, ids]);
      if (n === 0) throw new DomainError('NOTHING_TO_CANCEL', 'No scheduled consultation matches: nothing to cancel.', { from: ['NOTHING_SELECTED'] });
      await tx.query('UPDATE mass_cancellation_jobs SET total = $2 WHERE id = $1', [job.id, n]);
      // Each cancellation is audited as the job makes it; this row says who started it, on what.
      const scope = { departement: criteria.departement, agentId: criteria.agentId, administrationId: criteria.administrationId, msapSiteId: criteria.msapSiteId };
      await this.audit.record(
        { action: 'mass_cancellation.started', actorUserId: user.userId, subjectType: 'mass_cancellation', subjectId: job.id, details: { ...scope, from: criteria.from, to: criteria.to, total: n } },
        tx,
      );
      return job.id as string;
    });
    // The job runs for whoever confirmed it, not in this request (its audit rows name the actor, not this request).
    RequestContexts.outside(() => this.runner.wake());
    return this.get(user, jobId);
  }

  async list(user: UserPrincipal): Promise<MassCancellationJobView[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM mass_cancellation_jobs WHERE departement = $1 ORDER BY created_at DESC LIMIT 50',
      [user.departement ?? ''],
    );
    return Promise.all(rows.map((r) => this.get(user, r.id)));
  }

  /** Progress: counters kept by the job, and where its citizens' messages are (per consultation). */
  async get(user: UserPrincipal, jobId: string): Promise<MassCancellationJobView> {
    const [job] = await this.dataSource.query('SELECT * FROM mass_cancellation_jobs WHERE id = $1 AND departement = $2', [jobId, user.departement ?? '']);
    if (!job) throw new DomainError('NOT_FOUND', 'No such mass cancellation.');
    const [n] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE s = 'sent')::int AS sent, count(*) FILTER (WHERE s = 'failed')::int AS failed,
              count(*) FILTER (WHERE s = 'pending')::int AS pending
         FROM (SELECT CASE WHEN bool_or(o.status = 'sent') THEN 'sent' WHEN bool_and(o.status = 'failed') THEN 'failed' ELSE 'pending' END AS s
                 FROM mass_cancellation_items i
                 JOIN notification_outbox o ON o.consultation_id = i.consultation_id AND o.event = 'cancelled' AND o.channel IN ('sms', 'email')
                WHERE i.job_id = $1 AND i.state = 'cancelled'
                GROUP BY i.consultation_id) per_consultation`,
      [jobId],
    );
    return {
      id: job.id,
      state: job.state,
      criteria: {
        agentId: job.agent_id,
        administrationId: job.administration_id,
        msapSiteId: job.msap_site_id,
        from: job.range_from.toISOString(),
        to: job.range_to.toISOString(),
      },
      message: job.message,
      total: job.total,
      processed: job.processed,
      cancelled: job.cancelled,
      /** No longer scheduled when reached (cancelled or moved meanwhile): left untouched. */
      skipped: job.skipped,
      /** Citizens reached by at least one channel / on whom every channel failed / still being sent. */
      sent: n.sent,
      failed: n.failed,
      pending: n.pending,
      noContact: job.no_contact,
      createdAt: job.created_at.toISOString(),
      finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
    };
  }

  /** The citizens to call: no phone and no e-mail, or every message to them failed. */
  async report(user: UserPrincipal, jobId: string, query: ReportQueryDto): Promise<MassCancellationReportView> {
    const summary = await this.get(user, jobId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 200;
    const toCall = (await this.dataSource.query(
      `SELECT i.consultation_id, CASE WHEN i.has_contact = false THEN 'no_contact' ELSE 'failed' END AS reason
         FROM mass_cancellation_items i
        WHERE i.job_id = $1 AND i.state = 'cancelled'
          AND (i.has_contact = false OR NOT EXISTS (
                SELECT 1 FROM notification_outbox o WHERE o.consultation_id = i.consultation_id AND o.event = 'cancelled'
                   AND o.channel IN ('sms', 'email') AND o.status <> 'failed'))`,
      [jobId],
    )) as Array<{ consultation_id: string; reason: 'no_contact' | 'failed' }>;
    const reason = new Map(toCall.map((r) => [r.consultation_id, r.reason]));
    const all = (await this.consultations.summaries([...reason.keys()])).sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const rows = all.slice((page - 1) * pageSize, page * pageSize);
    return {
      ...summary,
      toCall: {
        total: all.length,
        page,
        pageSize,
        items: rows.map((r) => ({
          consultationId: r.id,
          reason: reason.get(r.id) ?? 'failed',
          citizenName: r.citizenName,
          phone: r.citizenPhone,
          landline: r.citizenLandline,
          email: r.citizenEmail,
          msapSiteName: r.msapSiteName,
          boothName: r.boothName,
          startsAt: r.startsAt.toISOString(),
          when: frenchDateTime(r.startsAt),
        })),
      },
    };
  }

  /** Checks the selection (4xx naming the field) and scopes it to the coordinator's département. */
  private async criteria(user: UserPrincipal, dto: MassCancellationCriteriaDto): Promise<Criteria> {
    const departement = user.departement;
    if (!departement) throw new DomainError('FORBIDDEN', 'This account coordinates no département.');
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    const fields: FieldErrors = {};
    if (!dto.agentId && !dto.administrationId) fields.agentId = ['AGENT_OR_ADMINISTRATION'];
    if (to <= from) fields.to = ['END_BEFORE_START'];
    else if (to.getTime() - from.getTime() > MAX_RANGE_MS) fields.to = ['RANGE_TOO_LONG'];
    if (Object.keys(fields).length > 0) throw new DomainError('VALIDATION_FAILED', 'The selection is not valid.', fields);
    const [found] = await this.dataSource.query(
      `SELECT (SELECT adm.departement FROM agents a JOIN administrations adm ON adm.id = a.administration_id WHERE a.id = $1) AS agent_dep,
              (SELECT departement FROM administrations WHERE id = $2) AS administration_dep,
              (SELECT departement FROM msap_sites WHERE id = $3) AS site_dep`,
      [dto.agentId ?? null, dto.administrationId ?? null, dto.msapSiteId ?? null],
    );
    // Someone else's département answers like an unknown id: ids of other prefectures are not probed.
    if (dto.agentId && found.agent_dep !== departement) fields.agentId = ['UNKNOWN'];
    if (dto.administrationId && found.administration_dep !== departement) fields.administrationId = ['UNKNOWN'];
    if (dto.msapSiteId && found.site_dep !== departement) fields.msapSiteId = ['UNKNOWN'];
    if (Object.keys(fields).length > 0) throw new DomainError('NOT_FOUND', 'Unknown agent, administration or MSAP.', fields);
    return {
      departement,
      agentId: dto.agentId ?? null,
      administrationId: dto.administrationId ?? null,
      msapSiteId: dto.msapSiteId ?? null,
      from,
      to,
    };
  }
}

/** The coordinator's message, trimmed, or a 422 naming `message`: empty, or with an unknown placeholder. */
function checkedMessage(text: string): string {
  const message = text.trim();
  if (message === '') throw new DomainError('VALIDATION_FAILED', 'message must not be empty.', { message: ['REQUIRED'] });
  const unknown = unknownPlaceholders(message);
  if (unknown.length > 0) {
    const used = unknown.map((n) => `{${n}}`).join(', ');
    const known = Object.keys(PLACEHOLDERS).map((n) => `{${n}}`).join(', ');
    throw new DomainError('VALIDATION_FAILED', `Unknown placeholders: ${used}; use ${known}.`, { message: ['UNKNOWN_PLACEHOLDERS'] });
  }
  return message;
}
