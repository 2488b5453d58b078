import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const JOB_STATES = ['running', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A coordinator's confirmed mass cancellation, processed in the background in batches. */
@Entity('mass_cancellation_jobs')
@Index('IDX_mass_cancellation_jobs_state', ['state'])
@Index('IDX_mass_cancellation_jobs_retention_due', ['finishedAt'], { where: `"message_erased_at" IS NULL AND "finished_at" IS NOT NULL` })
export class MassCancellationJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ type: 'varchar', length: 3 })
  departement!: string;

  @Column({ type: 'uuid', nullable: true })
  agentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  administrationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  msapSiteId!: string | null;

  @Column({ type: 'timestamptz' })
  rangeFrom!: Date;

  @Column({ type: 'timestamptz' })
  rangeTo!: Date;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text', default: 'running' })
  state!: JobState;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  cancelled!: number;

  /** Consultations that were no longer scheduled when their batch ran (cancelled or moved meanwhile). */
  @Column({ type: 'integer', default: 0 })
  skipped!: number;

  @Column({ type: 'integer', default: 0 })
  noContact!: number;

  /** The instance processing the job; another one takes over after `leaseUntil`. */
  @Column({ type: 'uuid', nullable: true })
  leaseOwner!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** When the retention sweep replaced the coordinator's message with a marker (RGPD); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  messageErasedAt!: Date | null;
}

export const ITEM_STATES = ['pending', 'cancelled', 'skipped'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The consultations selected at confirmation, and how far the job got with each. */
@Entity('mass_cancellation_items')
@Index('IDX_mass_cancellation_items_pending', ['jobId', 'state'])
export class MassCancellationItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  jobId!: string;

  @PrimaryColumn({ type: 'uuid' })
  consultationId!: string;

  @Column({ type: 'text', default: 'pending' })
  state!: ItemState;

  /** Null until processed; false means a citizen to call (no phone, no e-mail). */
  @Column({ type: 'boolean', nullable: true })
  hasContact!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
