import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { ConsultationReader } from '../consultations/consultation.reader';
import { canBookAt } from '../scheduling/scheduling-access';
import { CancellationNoticeView } from './dto/cancellation-notice.view';
import { toCitizenMessageView } from './dto/citizen-message.view';
import { OutboxService } from './outbox.service';
import { cancellationNotice } from './templates/templates';

/**
 * Before cancelling, whoever cancels sees what the citizen will be sent, and how: the reason they
 * type goes into an SMS, an e-mail, or (no mobile, no e-mail) the list of citizens to call.
 */
@Injectable()
export class CancellationNoticeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationReader,
    private readonly outbox: OutboxService,
  ) {}

  /** The same checks as the cancellation itself, then its citizen's messages, rendered as the outbox will write them. */
  async cancellation(user: UserPrincipal, consultationId: string, reason: string): Promise<CancellationNoticeView> {
    const c = await this.consultations.findForCall(consultationId);
    if (!c) throw new DomainError('NOT_FOUND', 'No such consultation.');
    if (!canBookAt(user, { id: c.msapSiteId, departement: c.departement })) {
      throw new DomainError('FORBIDDEN', 'This consultation is at an MSAP outside your scope.');
    }
    if (c.status !== 'scheduled') throw new DomainError('CONSULTATION_NOT_SCHEDULED', `This consultation is ${c.status}.`);
    const [preview] = await this.outbox.previewCitizenMessages(this.dataSource.manager, [consultationId], 'cancelled', cancellationNotice(reason));
    if (!preview) throw new DomainError('NOT_FOUND', 'No such consultation.');
    return { citizenName: preview.consultation.citizen_name, messages: preview.messages.map(toCitizenMessageView) };
  }
}
