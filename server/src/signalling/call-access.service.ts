import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { signallingConfig, SignallingConfig } from '../config/configuration';
import { ConsultationReader } from '../consultations/consultation.reader';
import { OPEN_STATUSES } from '../consultations/entities/consultation.entity';
import { ParticipantRole } from '../../../shared/signalling/protocol';
import { JoinWindowView } from './dto/join-window.view';
import { withinJoinWindow } from './join-window';

/** Who joins a consultation's call, as decided once when the socket opens. */
export interface CallAccess {
  consultationId: string;
  /** Stable per person (or per booth): a second socket of the same participant replaces the first. */
  participantId: string;
  role: ParticipantRole;
  displayName: string;
  /** Account or terminal behind it, for audit and for revocation checks. */
  principal: Principal;
  /** The consultation's booked start (null for a pre-call probe): how late its agent is. */
  startsAt: Date | null;
  /** The consultation's booked end (null for a pre-call probe): a call emptied after it is over. */
  endsAt: Date | null;
  /** The consultation's agent (null for a pre-call probe): what its lobby is told about them. */
  agentUserId: string | null;
  /** The booth's France Services (null for a pre-call probe): its desk follows the call. */
  msapSiteId: string | null;
}

/**
 * Only the consultation's booth terminal, its agent and the facilitators of the booth's MSAP may
 * join, and only from JOIN_MARGIN_MINUTES before the start until as long after the end.
 */
@Injectable()
export class CallAccessService {
  constructor(
    private readonly consultations: ConsultationReader,
    @Inject(signallingConfig.KEY) private readonly config: SignallingConfig,
  ) {}

  /**
   * The pre-call check of a booth terminal, an agent or a facilitator: a call of its own, with
   * nobody else in it. Other roles hold no calls, so they have nothing to check.
   */
  probe(principal: Principal): CallAccess {
    const id = `probe:${randomUUID()}`;
    const base = { consultationId: id, participantId: id, principal, startsAt: null, endsAt: null, agentUserId: null, msapSiteId: null };
    if (principal.kind === 'device') return { ...base, role: 'booth', displayName: 'Cabine' };
    if (principal.role === 'agent' || principal.role === 'facilitator') return { ...base, role: principal.role, displayName: principal.displayName };
    throw new DomainError('FORBIDDEN', 'Only booth terminals, agents and facilitators run a pre-call check.');
  }

  /** The rule `authorize` applies, for pages to say when a call opens instead of trying too early. */
  joinWindow(now = new Date()): JoinWindowView {
    const margin = this.config.joinMarginMinutes;
    return { minutesBeforeStart: margin, minutesAfterEnd: margin, serverTime: now.toISOString() };
  }

  async authorize(principal: Principal, consultationId: string, now = new Date()): Promise<CallAccess> {
    const consultation = await this.consultations.findForCall(consultationId);
    if (!consultation) throw new DomainError('NOT_FOUND', 'No such consultation.');
    const base = {
      consultationId,
      principal,
      startsAt: consultation.startsAt,
      endsAt: consultation.endsAt,
      agentUserId: consultation.agentUserId,
      msapSiteId: consultation.msapSiteId,
    };
    const access: CallAccess | null =
      principal.kind === 'device'
        ? principal.boothId === consultation.boothId
          ? { ...base, participantId: `booth:${consultation.boothId}`, role: 'booth', displayName: consultation.msapSiteName }
          : null
        : principal.role === 'agent' && consultation.agentUserId === principal.userId
          ? { ...base, participantId: `agent:${principal.userId}`, role: 'agent', displayName: principal.displayName }
          : principal.role === 'facilitator' && principal.msapSiteId === consultation.msapSiteId
            ? { ...base, participantId: `facilitator:${principal.userId}`, role: 'facilitator', displayName: principal.displayName }
            : null;
    if (!access) throw new DomainError('FORBIDDEN', 'You are not a participant of this consultation.');
    if (consultation.status === 'cancelled') throw new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled.');
    if (!OPEN_STATUSES.includes(consultation.status)) throw new DomainError('CONSULTATION_ENDED', 'This consultation is over.');

    if (!withinJoinWindow(consultation, this.config.joinMarginMinutes, now)) {
      throw new DomainError('OUTSIDE_WINDOW', 'This consultation is not open now.');
    }
    return access;
  }
}
