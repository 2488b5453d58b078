import { Inject, Injectable } from '@nestjs/common';
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
import { composeDay } from './desk-day';
import { DeskRepository, MessageRow, SiteRow } from './desk.repository';
import { DeskDayView, DeskMessageView } from './dto/desk.view';

/** A site's day holds at most this many consultations (10 booths × a long day of short slots). */
const DAY_LIMIT = 500;

/**
 * The facilitator's day at a glance: each consultation of the site with its booth, agent, checklist
 * progress and live state, the booths' heartbeats, and the alerts a facilitator must act on.
 */
@Injectable()
export class DeskService {
  constructor(
    private readonly repository: DeskRepository,
    @Inject(deskConfig.KEY) private readonly config: DeskConfig,
    private readonly consultations: ConsultationReader,
    private readonly devices: DevicesService,
    private readonly support: SupportService,
    private readonly audit: AuditService,
  ) {}

  /** The site a caller's desk shows: a facilitator's own; others name one in their scope. */
  async siteFor(user: UserPrincipal, siteId: string | undefined): Promise<SiteRow> {
    const id = siteId ?? (user.role === 'facilitator' ? user.msapSiteId : null);
    if (!id) throw new DomainError('VALIDATION_FAILED', 'siteId is required.', { siteId: ['REQUIRED'] });
    const site = await this.repository.site(id);
    if (!site) throw new DomainError('NOT_FOUND', 'No such France Services site.', { siteId: ['UNKNOWN'] });
    if (!canManageSite(user, site)) throw new DomainError('FORBIDDEN', 'This France Services site is outside your scope.');
    return site;
  }

  async day(user: UserPrincipal, siteId: string | undefined, date: string | undefined, now = Date.now()): Promise<DeskDayView> {
    const site = await this.siteFor(user, siteId);
    const day = dayOf(date, now);
    const [rows, booths] = await Promise.all([
      this.consultations.siteDay(site.id, new Date(day.from), new Date(day.to), DAY_LIMIT),
      this.devices.liveness(site.id),
    ]);
    const ids = rows.map((r) => r.id);
    const [presence, summaries] = await Promise.all([
      this.repository.presenceOf(ids),
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
    return this.repository.transaction(async (tx) => {
      const row = await this.repository.insertMessage(tx, { consultationId, senderId: user.userId, senderName: user.displayName, body });
      const message = toMessageView(row);
      await this.audit.record({ action: 'desk.message_sent', actorUserId: user.userId, subjectType: 'consultation', subjectId: consultationId, ip, details: { length: body.length } }, tx);
      await this.repository.notify({ siteId: consultation.msapSiteId, kind: 'message', consultationId, message: { ...message, agentUserId: consultation.agentUserId } }, tx);
      return message;
    });
  }

  /** The messages of a day: an agent's consultations, or a facilitator's site. */
  async messages(principal: Principal, date: string | undefined): Promise<DeskMessageView[]> {
    const day = dayOf(date);
    if (principal.kind !== 'user' || (principal.role !== 'agent' && principal.role !== 'facilitator')) {
      throw new DomainError('FORBIDDEN', 'Agents and facilitators read their messages.');
    }
    const who = principal.role === 'agent' ? { agentUserId: principal.userId } : { msapSiteId: principal.msapSiteId ?? '' };
    return (await this.repository.messagesOfDay(who, new Date(day.from), new Date(day.to))).map(toMessageView);
  }

}

const toMessageView = (r: MessageRow): DeskMessageView => ({ ...r, createdAt: toParisIso(r.createdAt) });

/** The Paris day asked for (today by default), or a 422 for a date the calendar does not have. */
function dayOf(date: string | undefined, now = Date.now()): { date: string; from: number; to: number } {
  const day = parisDay(date, now);
  if (!day) throw new DomainError('VALIDATION_FAILED', 'date is not a day of the calendar.', { date: ['INVALID_FORMAT'] });
  return day;
}
