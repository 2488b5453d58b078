import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { SmsEncoding } from '../../../../shared/sms/gsm7';
import type { OutboxChannel } from '../templates/templates';

/** Messages go pending → sending → sent or failed; calls (channel `call`) are to_call until someone marks them called. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'to_call', 'called'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const TRANSPORTS = ['sms_http', 'smtp', 'local'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/**
 * One message to send, written in the transaction of the change it announces. The unique key is
 * what makes "one message per (consultation, event, channel)" structural: `revision` is 0 except for
 * reschedules and reminders, which carry the consultation's notification sequence so that each move
 * (and the reminders of each new time) is announced once.
 */
@Entity('notification_outbox')
@Unique('notification_outbox_once', ['consultationId', 'event', 'revision', 'channel'])
@Index('IDX_notification_outbox_due', ['nextAttemptAt'], { where: `"status" IN ('pending', 'sending')` })
@Index('IDX_notification_outbox_departement', ['departement', 'createdAt'])
@Index('IDX_notification_outbox_retention_due', ['updatedAt'], { where: `"erased_at" IS NULL AND "status" IN ('sent', 'failed', 'called', 'to_call')` })
@Index('IDX_notification_outbox_to_call', ['consultationId'], { where: `"status" = 'to_call'` })
export class NotificationOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The consultation the message is about; null for a message about an account (`userId`). */
  @Column({ type: 'uuid', nullable: true })
  consultationId!: string | null;

  /** The account a message is about (invitation, password reset); only admins read these. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ type: 'text' })
  channel!: OutboxChannel;

  /** E.164 phone number or e-mail address, as it was when the message was written ('' for a call with no number). */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  /** Rendered at enqueue time: what was promised does not change if a template changes later. */
  @Column({ type: 'text' })
  body!: string;

  /** The calendar attachment of agent e-mails. */
  @Column({ type: 'text', nullable: true })
  ics!: string | null;

  @Column({ type: 'text', nullable: true })
  smsEncoding!: SmsEncoding | null;

  @Column({ type: 'smallint', nullable: true })
  smsSegments!: number | null;

  /** Of the consultation's MSAP: coordinators read their département's outbox. Null for account messages. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  departement!: string | null;

  /** A document to attach (an agent's document copied to the citizen's e-mail). */
  @Column({ type: 'uuid', nullable: true })
  documentId!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'text', nullable: true })
  transport!: Transport | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Next try; while `sending`, the end of the claim's lease. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  claimToken!: string | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** A call: when it was marked made, and by whom. */
  @Column({ type: 'timestamptz', nullable: true })
  handledAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  handledById!: string | null;

  /** When the retention sweep blanked recipient, text and ICS (RGPD); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;
}
