import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CitizenLinkModule } from '../citizen-link/citizen-link.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { AccountMessages } from './account-messages/account-messages.service';
import { CancellationNoticeService } from './cancellation-notice.service';
import { ConsultationNotificationsSink } from './consultation-notifications.sink';
import { OutboxAttachments } from './dispatch/outbox-attachments';
import { OutboxDispatcher } from './dispatch/outbox-dispatcher.service';
import { IcsFeedService } from './ics/ics-feed.service';
import { MassCancellationController } from './mass-cancellation/mass-cancellation.controller';
import { MassCancellationRunner } from './mass-cancellation/mass-cancellation.runner';
import { MassCancellationService } from './mass-cancellation/mass-cancellation.service';
import { NotificationsController } from './notifications.controller';
import { OutboxQueryService } from './outbox-query.service';
import { OutboxService } from './outbox.service';
import { ReminderScanner } from './reminders/reminder-scanner.service';
import { ToCallController } from './to-call/to-call.controller';
import { ToCallService } from './to-call/to-call.service';

/**
 * Transactional outbox, its dispatcher (SMS over HTTP, e-mail over SMTP, or the local outbox),
 * reminders, agents' ICS feeds and mass cancellations.
 */
@Module({
  imports: [AuditModule, ConsultationsModule, CitizenLinkModule],
  controllers: [NotificationsController, MassCancellationController, ToCallController],
  providers: [OutboxService, OutboxAttachments, OutboxDispatcher, OutboxQueryService, IcsFeedService, ReminderScanner, MassCancellationService, MassCancellationRunner, ConsultationNotificationsSink, AccountMessages, CancellationNoticeService, ToCallService],
  exports: [OutboxService, OutboxAttachments, AccountMessages],
})
export class NotificationsModule {}
