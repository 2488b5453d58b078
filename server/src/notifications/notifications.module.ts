import { Module } from '@nestjs/common';
import { OutboxDispatcher } from './dispatch/outbox-dispatcher.service';
import { OutboxService } from './outbox.service';

/**
 * Transactional outbox, its dispatcher (SMS over HTTP, e-mail over SMTP, or the local outbox),
 * reminders, agents' ICS feeds and mass cancellations.
 */
@Module({
  providers: [OutboxService, OutboxDispatcher],
  exports: [OutboxService],
})
export class NotificationsModule {}
