import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction } from '../entities/audit-event.entity';

export const AUDIT_ACTOR_KINDS = ['user', 'device', 'system'] as const;

/** Who acted: an account, a booth's screen, or the service itself (jobs, retention, a citizen's link). */
export class AuditActorView {
  @ApiProperty({ enum: AUDIT_ACTOR_KINDS })
  kind!: (typeof AUDIT_ACTOR_KINDS)[number];

  @ApiProperty({ type: String, nullable: true })
  id!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The account’s name (pseudonym once erased) or the screen’s label' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;
}

/** What was acted on, with a name people recognise where the thing still exists. */
export class AuditSubjectView {
  @ApiProperty({ example: 'consultation' })
  type!: string;

  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'e.g. the site’s name, the account’s, "12/01/2027 14:00 · Cabine 1"' })
  label!: string | null;
}

/** One entry of the audit log. */
export class AuditEventView {
  @ApiProperty({ description: 'Increasing with time' })
  id!: string;

  @ApiProperty()
  at!: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action!: AuditAction;

  @ApiProperty({ type: AuditActorView })
  actor!: AuditActorView;

  @ApiProperty({ type: AuditSubjectView, nullable: true })
  subject!: AuditSubjectView | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The HTTP request (X-Request-Id), to find it in the logs' })
  requestId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Before/after and context; never passwords, tokens or citizens’ free text' })
  details!: Record<string, unknown>;
}

/** A page of the log, newest first. */
export class AuditPageView {
  @ApiProperty({ type: [AuditEventView] })
  items!: AuditEventView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next (older) page; null at the end' })
  nextBefore!: string | null;
}
