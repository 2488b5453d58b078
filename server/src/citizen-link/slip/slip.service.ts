import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { UserPrincipal } from '../../auth/principal';
import { DomainError } from '../../common/errors/domain.error';
import { frenchDateTime } from '../../common/time/french-date';
import { toParisIso } from '../../common/time/paris-time';
import { displayPhone } from '../../../../shared/sms/phone';
import { CitizenLinkRepository } from '../citizen-link.repository';
import { CitizenLinks, LINK_DAYS_AFTER_END } from '../citizen-links';
import { renderSlip } from './slip-pdf';

export interface Slip {
  pdf: Uint8Array;
  fileName: string;
}

/**
 * The appointment slip ("convocation") a France Services prints for the citizen. Only the hash of a
 * link is kept, so each print issues a fresh link for its paper (the confirmation's and earlier
 * slips' links keep working: several hashes per consultation, all erased with the citizen's data).
 * The link row and the audit entry commit together; the PDF is drawn after.
 */
@Injectable()
export class SlipService {
  constructor(
    private readonly repository: CitizenLinkRepository,
    private readonly links: CitizenLinks,
    private readonly audit: AuditService,
  ) {}

  async print(user: UserPrincipal, consultationId: string, now = new Date()): Promise<Slip> {
    const a = await this.repository.appointment(user, consultationId);
    if (!a) throw new DomainError('NOT_FOUND', 'No such consultation.');
    if (a.status === 'cancelled') throw new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled: there is nothing to print.');
    if (a.status !== 'scheduled') throw new DomainError('CONSULTATION_NOT_SCHEDULED', `This consultation is ${a.status}: there is nothing to print.`);
    const link = await this.repository.transaction(async (tx) => {
      const url = (await this.links.issue(tx, [consultationId], 'slip')).get(consultationId)!;
      await this.audit.record({ action: 'slip.printed', actorUserId: user.userId, subjectType: 'consultation', subjectId: consultationId }, tx);
      return url;
    });
    const pdf = await renderSlip({
      siteName: a.siteName,
      siteAddress: a.siteAddress,
      sitePhone: a.sitePhone ? displayPhone(a.sitePhone) : null,
      boothName: a.boothName,
      citizenName: a.citizenName,
      when: frenchDateTime(a.startsAt),
      durationMinutes: Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000),
      administration: a.administration,
      subject: a.subject,
      documents: a.documents ?? [],
      link,
      linkDays: LINK_DAYS_AFTER_END,
      printedAt: frenchDateTime(now),
    });
    return { pdf, fileName: `convocation-${toParisIso(a.startsAt).slice(0, 10)}.pdf` };
  }
}
