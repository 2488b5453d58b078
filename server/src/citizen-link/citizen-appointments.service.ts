import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AttemptPermit, LoginRateLimiter } from '../auth/login-rate-limiter';
import { hashToken } from '../auth/tokens';
import { DomainError } from '../common/errors/domain.error';
import { toParisIso } from '../common/time/paris-time';
import { ConsultationsService } from '../consultations/consultations.service';
import { citizenChannels } from '../../../shared/sms/phone';
import { AppointmentRow, CitizenLinkRepository, LinkedAppointmentRow } from './citizen-link.repository';
import { canonicalToken, LINK_TOKEN } from './citizen-links';
import { AppointmentState, CitizenAppointmentView } from './dto/citizen-appointment.view';
import { RequestCallbackDto } from './dto/request-callback.dto';

/** What the consultation records when its citizen cancels through the link (and what their message says). */
export const CITIZEN_CANCELLATION_REASON = 'Annulé par l’usager';

/**
 * What a citizen does with their personal link, without an account: see the appointment, cancel it,
 * ask to be called back to change the time. The token is the credential: an unknown one is a 404
 * that says nothing of why (never issued, mistyped, erased), and counts against the caller's address
 * like a wrong password (LoginRateLimiter, scope `link`): guessing 128-bit tokens is hopeless anyway,
 * this keeps a scan from loading the database. A known link, even expired, gives its place back.
 */
@Injectable()
export class CitizenAppointmentsService {
  private readonly logger = new Logger('CitizenLink');

  constructor(
    private readonly repository: CitizenLinkRepository,
    private readonly consultations: ConsultationsService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  async view(token: string, ip: string | null): Promise<CitizenAppointmentView> {
    const appointment = await this.open(token, ip);
    const view = toView(appointment, Date.now());
    await this.audit.record({ action: 'citizen_link.viewed', subjectType: 'consultation', subjectId: appointment.consultationId, details: { state: view.state } });
    return view;
  }

  /** The usual cancellation (messages to the citizen and the agent, the desk, the audit trail), actor none, via the link. */
  async cancel(token: string, ip: string | null): Promise<CitizenAppointmentView> {
    const appointment = await this.open(token, ip);
    await this.consultations.cancelByCitizen(appointment.consultationId, CITIZEN_CANCELLATION_REASON);
    return this.reread(token);
  }

  /** A request on the lists of the France Services and the coordination, until one of them marks it handled. */
  async requestCallback(token: string, dto: RequestCallbackDto, ip: string | null): Promise<CitizenAppointmentView> {
    const appointment = await this.open(token, ip);
    const state = stateOf(appointment, Date.now());
    if (state === 'cancelled') throw new DomainError('CONSULTATION_CANCELLED', 'This appointment was cancelled.');
    if (state !== 'upcoming') throw new DomainError('TOO_LATE', 'This appointment has started or is over: call the France Services.');
    await this.repository.transaction(async (tx) => {
      const id = await this.repository.insertCallback(tx, appointment.consultationId, dto.phone, dto.note || null);
      if (!id) throw new DomainError('CALLBACK_ALREADY_REQUESTED', 'A callback request is already waiting for this appointment.');
      // The phone and the note stay on the request (erased with the citizen's data), not in the trail.
      await this.audit.record(
        { action: 'callback.requested', subjectType: 'consultation', subjectId: appointment.consultationId, details: { callbackRequestId: id, via: 'citizen_link', withNote: Boolean(dto.note) } },
        tx,
      );
    });
    return this.reread(token);
  }

  /** The appointment behind a token, counted against the caller's address unless the token is known. */
  private async open(token: string, ip: string | null): Promise<LinkedAppointmentRow> {
    const attempt = await this.limiter.attempt([{ scope: 'link', key: ip ?? 'unknown' }]);
    if (!attempt.allowed) {
      this.logger.warn({ ip }, 'too many unknown citizen links from one address');
      throw new DomainError('RATE_LIMITED', `Too many unknown links. Try again in ${attempt.retryAfterSeconds} s.`, undefined, attempt.retryAfterSeconds);
    }
    const appointment = LINK_TOKEN.test(token) ? await this.repository.byTokenHash(hashToken(canonicalToken(token))) : undefined;
    if (!appointment) throw unknownLink();
    await this.giveBack(attempt.permit);
    if (appointment.expiresAt.getTime() <= Date.now()) throw new DomainError('LINK_EXPIRED', 'This link has expired.');
    return appointment;
  }

  private async reread(token: string): Promise<CitizenAppointmentView> {
    const appointment = await this.repository.byTokenHash(hashToken(canonicalToken(token)));
    if (!appointment) throw unknownLink();
    return toView(appointment, Date.now());
  }

  private giveBack(permit: AttemptPermit): Promise<void> {
    return this.limiter.succeeded(permit);
  }
}

const unknownLink = () => new DomainError('LINK_UNKNOWN', 'Unknown or expired link.');

/** Upcoming until it starts; started while its booked time or its call lasts; then over. */
export function stateOf(a: Pick<AppointmentRow, 'status' | 'startsAt' | 'endsAt'>, now: number): AppointmentState {
  if (a.status === 'cancelled') return 'cancelled';
  if (a.status === 'scheduled' && a.startsAt.getTime() > now) return 'upcoming';
  if (a.status === 'in_progress' || ((a.status === 'scheduled' || a.status === 'ended') && a.endsAt.getTime() > now)) return 'started';
  return 'over';
}

/** A mobile or an e-mail address: the citizen is told of a cancellation by message (shared/sms/phone.ts decides). */
function reachable(citizen: { phone: string | null; email: string | null }): boolean {
  const reach = citizenChannels(citizen);
  return reach.sms || reach.email;
}

function toView(a: LinkedAppointmentRow, now: number): CitizenAppointmentView {
  const state = stateOf(a, now);
  const waiting = a.callback !== null && a.callback.handledAt === null;
  return {
    state,
    startsAt: toParisIso(a.startsAt),
    endsAt: toParisIso(a.endsAt),
    siteName: a.siteName,
    siteAddress: a.siteAddress,
    sitePhone: a.sitePhone,
    administration: a.administration,
    subject: a.subject,
    documents: a.documents ?? [],
    phone: a.citizenPhone,
    messaged: reachable({ phone: a.citizenMobile, email: a.citizenEmail }),
    callback: a.callback ? { requestedAt: toParisIso(a.callback.requestedAt), handledAt: a.callback.handledAt ? toParisIso(a.callback.handledAt) : null } : null,
    canCancel: state === 'upcoming',
    canRequestCallback: state === 'upcoming' && !waiting,
    expiresAt: toParisIso(a.expiresAt),
  };
}
