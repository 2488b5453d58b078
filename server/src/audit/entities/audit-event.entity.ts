import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/audit/actions';

export { AUDIT_ACTIONS, type AuditAction };

/**
 * Append-only record of business and security events: the database refuses UPDATE, and DELETE of
 * rows younger than the shortest retention (migration AuditTrail).
 */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Index()
  @Column({ type: 'text' })
  action!: AuditAction;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorDeviceId!: string | null;

  @Column({ type: 'text', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'text', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;

  /** The HTTP request that made the change (X-Request-Id): joins this row to the server's logs. */
  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  details!: Record<string, unknown>;
}
