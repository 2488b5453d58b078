import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumberString, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_FAMILIES, type AuditAction, type AuditFamily } from '../../../../shared/audit/actions';

export const AUDIT_FORMATS = ['json', 'csv'] as const;

/** The audit log's filters (all optional, combined with AND) and its page. */
export class ListAuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Returns events older than this id (the previous page’s `nextBefore`)' })
  @IsOptional()
  @IsNumberString({ no_symbols: true }, { message: 'before must be the id of an audit event' })
  // 18 digits stay below PostgreSQL's bigint maximum (19 could overflow it).
  @MaxLength(18, { message: 'before must be the id of an audit event' })
  before?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The account that acted' })
  @IsOptional()
  @IsUUID('all', { message: 'actorUserId must be the id of an account' })
  actorUserId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'action must be one of the audited actions' })
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_FAMILIES, description: 'Every action of a family (consultation, user, …)' })
  @IsOptional()
  @IsIn(AUDIT_FAMILIES, { message: `family must be one of ${AUDIT_FAMILIES.join(', ')}` })
  family?: AuditFamily;

  @ApiPropertyOptional({ description: 'What was acted on: its id (a consultation, an account, a site…)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'subjectId must be an identifier (letters, digits, dashes)' })
  subjectId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (Paris time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a day as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day, included (Paris time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a day as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: AUDIT_FORMATS, default: 'json', description: 'csv: the whole filtered log, streamed (no paging)' })
  @IsOptional()
  @IsIn(AUDIT_FORMATS)
  format?: (typeof AUDIT_FORMATS)[number];
}
