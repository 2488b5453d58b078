import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction, type AuditEventEntity } from '../entities/audit-event.entity';

/** One entry of the audit log. */
export class AuditEventView {
  @ApiProperty({ description: 'Increasing: pass the last one as `before` for the next page' })
  id!: string;

  @ApiProperty()
  at!: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action!: AuditAction;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorDeviceId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectType!: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export function toAuditEventView(e: AuditEventEntity): AuditEventView {
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actorUserId: e.actorUserId,
    actorDeviceId: e.actorDeviceId,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    ip: e.ip,
    details: e.details,
  };
}
