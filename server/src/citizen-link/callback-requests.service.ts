import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { toParisIso } from '../common/time/paris-time';
import { CallbackRequestRow, CitizenLinkRepository } from './citizen-link.repository';
import { CallbackRequestView } from './dto/callback-request.view';

/**
 * The citizens' callback requests, for those who can change their appointment: the France Services
 * (its own site) and the coordination (its département), admins everywhere — the booking rights.
 */
@Injectable()
export class CallbackRequestsService {
  constructor(
    private readonly repository: CitizenLinkRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: UserPrincipal, status: 'open' | 'handled' = 'open'): Promise<CallbackRequestView[]> {
    const rows = await this.repository.listCallbacks(user, status === 'handled');
    return rows.map(toView);
  }

  /** "Traitée": closed once, by whoever did it; closing it again changes nothing and records nothing. */
  async handle(user: UserPrincipal, id: string): Promise<CallbackRequestView> {
    return this.repository.transaction(async (tx) => {
      const request = await this.repository.callback(user, id, tx);
      if (!request) throw new DomainError('NOT_FOUND', 'No such callback request.');
      if (await this.repository.markHandled(tx, id, user.userId)) {
        await this.audit.record(
          { action: 'callback.handled', actorUserId: user.userId, subjectType: 'consultation', subjectId: request.consultationId, details: { callbackRequestId: id } },
          tx,
        );
      }
      return toView((await this.repository.callback(user, id, tx))!);
    });
  }
}

function toView(r: CallbackRequestRow): CallbackRequestView {
  return {
    id: r.id,
    consultationId: r.consultationId,
    phone: r.phone,
    note: r.note,
    requestedAt: toParisIso(r.requestedAt),
    handledAt: r.handledAt ? toParisIso(r.handledAt) : null,
    handledByName: r.handledByName,
    citizenName: r.citizenName,
    startsAt: toParisIso(r.startsAt),
    consultationStatus: r.consultationStatus,
    msapSiteId: r.siteId,
    msapSiteName: r.siteName,
    boothName: r.boothName,
    administrationName: r.administration,
    subject: r.subject,
  };
}
