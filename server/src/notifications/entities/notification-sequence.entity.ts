import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per-consultation counter bumped in the transaction of every move and cancellation: the ICS
 * SEQUENCE agents' calendars need, and the `revision` of reschedule and reminder outbox rows.
 */
@Entity('consultation_notification_sequences')
export class NotificationSequenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  consultationId!: string;

  @Column({ type: 'integer' })
  sequence!: number;
}
