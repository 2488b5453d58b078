import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';
import { PageNumber, PageSize } from '../../common/http/paging.decorator';
import { OUTBOX_STATUSES, OutboxStatus } from '../entities/notification-outbox.entity';
import { OUTBOX_CHANNELS, OutboxChannel } from '../templates/templates';

export class ListOutboxQueryDto {
  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;

  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;

  @ApiPropertyOptional({ enum: OUTBOX_CHANNELS, description: 'call: citizens to phone (neither a mobile nor an e-mail)' })
  @IsOptional()
  @IsIn(OUTBOX_CHANNELS, { message: `channel must be one of ${OUTBOX_CHANNELS.join(', ')}` })
  channel?: OutboxChannel;

  @ApiPropertyOptional({ example: 'reminder_2d' })
  @IsOptional()
  @IsString()
  @Matches(/^(booked|rescheduled|cancelled|reassigned|unassigned|document_sent|reminder_\d+[dhm]|account_invitation|password_reset|password_forgotten)$/, {
    message:
      'event must be booked, rescheduled, cancelled, reassigned, unassigned, document_sent, reminder_<offset>, account_invitation, password_reset or password_forgotten',
  })
  event?: string;

  @ApiPropertyOptional({ example: 'Martin', description: "Part of the citizen's name, phone number (06 12…, +33…) or e-mail address, or of the recipient" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2, { message: 'q must have at least 2 characters' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00+01:00', description: 'Written at or after' })
  @IsOptional()
  @DateTimeWithOffset()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+02:00', description: 'Written before' })
  @IsOptional()
  @DateTimeWithOffset()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'consultationId must be a UUID' })
  consultationId?: string;
}
