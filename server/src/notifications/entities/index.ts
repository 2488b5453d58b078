import { IcsFeedTokenEntity } from './ics-feed-token.entity';
import { MassCancellationItemEntity, MassCancellationJobEntity } from './mass-cancellation-job.entity';
import { NotificationOutboxEntity } from './notification-outbox.entity';
import { NotificationSequenceEntity } from './notification-sequence.entity';

export const NOTIFICATION_ENTITIES = [
  NotificationOutboxEntity,
  NotificationSequenceEntity,
  IcsFeedTokenEntity,
  MassCancellationJobEntity,
  MassCancellationItemEntity,
];
