import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal, UserPrincipal } from '../auth/principal';
import { SupportService } from '../checklist/support.service';
import { DomainError } from '../common/errors/domain.error';
import { parisDay, toParisIso } from '../common/time/paris-time';
import { deskConfig, DeskConfig } from '../config/configuration';
import { ConsultationReader } from '../consultations/consultation.reader';
import { OPEN_STATUSES } from '../consultations/entities/consultation.entity';
import { DevicesService } from '../devices/devices.service';
import { canManageSite } from '../directory/site-access';
import { notifyDesk } from './desk-channel';
import { composeDay, Presence } from './desk-day';
import { DeskDayView, DeskMessageView } from './dto/desk.view';

/** A site's day holds at most this many consultations (10 booths × a long day of short slots). */
const DAY_LIMIT = 500;

interface Site {
  id: string;
  name: string;
  departement: string;
}

/**
 * The facilitator's day at a glance: each consultation of the site with its booth, agent, checklist
 * progress and live state, the booths' heartbeats, and the alerts a facilitator must act on.
 */
@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(deskConfig.KEY) private readonly config: DeskConfig,
    private readonly consultations: ConsultationReader,
    private readonly devices: DevicesService,
    private readonly support: SupportService,
    private readonly audit: AuditService,
  ) {}

  /** The site a caller's desk shows: a facilitator's own; others name one in their scope. */
  async siteFor(user: UserPrincipal, siteId: string | undefined): Promise<Site> {
    const id = siteId ?? (user.role === 'facilitator' ? user.msapSiteId : null);
    if (!id) throw new DomainError('VALIDATION_FAILED', 'siteId is required.', { siteId: ['REQUIRED'] });
    const [site] = (await this.dataSource.query(`SELECT id, name, departement FROM msap_sites WHERE id = $1`, [id])) as Site[];
    if (!site) throw new DomainError('NOT_FOUND', 'No such France Services site.', { siteId: ['UNKNOWN'] });
    if (!canManageSite(user, site)) throw new DomainError('FORBIDDEN', 'This France Services site is outside your scope.');
    return site;
  }

  async day(user: UserPrincipal, siteId: string | undefined, date: string | undefined, now = Date.now()): Promise<DeskDayView> {
    const site = await this.siteFor(user, siteId);
    const day = parisDay(date, now);
    if (!day) throw new DomainError('VALIDATION_FAILED', 'date is not a day of the calendar.', { date: ['INVALID_FORMAT'] });
    const [rows, booths] = await Promise.all([
      this.consultations.siteDay(site.id, new Date(day.from), new Date(day.to), DAY_LIMIT),
      this.devices.liveness(site.id),
    ]);
    const ids = rows.map((r) => r.id);
    const [presence, summaries] = await Promise.all([
      this.presenceOf(ids),
      this.support.summaries(rows.map((r) => ({ id: r.id, consultationTypeId: r.consultation_type_id }))),
    ]);

    const composed = composeDay({ rows, booths, presence, summaries, dayStart: day.from, now, config: this.config });
    return {
      siteId: site.id,
      siteName: site.name,
      date: day.date,
      generatedAt: toParisIso(now),
      ...composed,
      settings: { lobbyAlertMinutes: this.config.lobbyAlertMinutes, offlineAlertMinutes: this.config.offlineAlertMinutes, boothOfflineSeconds: this.config.boothOfflineSeconds },
    };
  }

  /** A facilitator's short message to the agent of one of their site's consultations (still to be held). */
  async sendMessage(user: UserPrincipal, consultationId: string, body: string, ip: string | null): Promise<DeskMessageView> {
    const consultation = await this.consultations.findForCall(consultationId);
    if (!consultation) throw new DomainError('NOT_FOUND', 'No such consultation.');
    if (user.role !== 'facilitator' || user.msapSiteId !== consultation.msapSiteId) {
      throw new DomainError('FORBIDDEN', 'Only the facilitators of this France Services write to its agents.');
    }
    if (consultation.status === 'cancelled') throw new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled.');
    if (!OPEN_STATUSES.includes(consultation.status)) throw new DomainError('CONSULTATION_ENDED', 'This consultation is over.');
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(
        `INSERT INTO desk_messages (consultation_id, sender_id, sender_name, body) VALUES ($1, $2, $3, $4)
         RETURNING id, created_at AS "createdAt"`,
        [consultationId, user.userId, user.displayName, body],
      )) as Array<{ id: string; createdAt: Date }>;
      const message = { id: row!.id, consultationId, body, senderName: user.displayName, createdAt: toParisIso(row!.createdAt) };
      await this.audit.record({ action: 'desk.message_sent', actorUserId: user.userId, subjectType: 'consultation', subjectId: consultationId, ip, details: { length: body.length } }, tx);
      await notifyDesk(tx, { siteId: consultation.msapSiteId, kind: 'message', consultationId, message });
      return message;
    });
  }

  /** The messages of a day: an agent's consultations, or a facilitator's site. */
  async messages(principal: Principal, date: string | undefined): Promise<DeskMessageView[]> {
    const day = parisDay(date);
    if (!day) throw new DomainError('VALIDATION_FAILED', 'date is not a day of the calendar.', { date: ['INVALID_FORMAT'] });
    if (principal.kind !== 'user' || (principal.role !== 'agent' && principal.role !== 'facilitator')) {
      throw new DomainError('FORBIDDEN', 'Agents and facilitators read their messages.');
    }
    const [column, value] = principal.role === 'agent' ? ['a.user_id', principal.userId] : ['b.msap_site_id', principal.msapSiteId];
    const rows = (await this.dataSource.query(
      `SELECT m.id, m.consultation_id AS "consultationId", m.body, m.sender_name AS "senderName", m.created_at AS "createdAt"
         FROM desk_messages m JOIN consultations c ON c.id = m.consultation_id
         JOIN agents a ON a.id = c.agent_id JOIN booths b ON b.id = c.booth_id
        WHERE ${column} = $1 AND c.starts_at < $3 AND c.ends_at > $2
        ORDER BY m.created_at DESC LIMIT 200`,
      [value, new Date(day.from), new Date(day.to)],
    )) as Array<Omit<DeskMessageView, 'createdAt'> & { createdAt: Date }>;
    return rows.map((r) => ({ ...r, createdAt: toParisIso(r.createdAt) }));
  }

  private async presenceOf(ids: readonly string[]): Promise<Map<string, Presence[]>> {
    const out = new Map<string, Presence[]>();
    if (ids.length === 0) return out;
    const rows = (await this.dataSource.query(
      `SELECT consultation_id AS "consultationId", role, phase, since FROM call_presence WHERE consultation_id = ANY($1::uuid[])`,
      [ids],
    )) as Presence[];
    for (const r of rows) out.set(r.consultationId, [...(out.get(r.consultationId) ?? []), r]);
    return out;
  }
}
