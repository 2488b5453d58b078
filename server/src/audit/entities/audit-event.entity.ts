import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.rate_limited',
  'logout',
  'user.created',
  'user.role_changed',
  'device.pairing_code_created',
  'device.paired',
  'device.pairing_failed',
  'device.revoked',
  'administration.created',
  'administration.updated',
  'msap_site.created',
  'msap_site.updated',
  'booth.created',
  'booth.renamed',
  'booth.retired',
  'booth.reinstated',
  'document.uploaded',
  'document.rejected',
  'document.viewed',
  'document.downloaded',
  'document.deleted',
  'document.purged',
  'checklist_template.saved',
  'checklist_template.deleted',
  'support.updated',
  'consent.given',
  'consent.revoked',
  'desk.message_sent',
  'support.exported',
  'device.check_reported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Append-only record of security-relevant events. */
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

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  details!: Record<string, unknown>;
}
