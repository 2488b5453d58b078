import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { OUTBOX_STATUSES, OutboxStatus } from '../entities/notification-outbox.entity';
import { Channel, CHANNELS } from '../templates/templates';

export class ListOutboxQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer from 1' })
  @Min(1, { message: 'page must be an integer from 1' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer from 1 to 200' })
  @Min(1, { message: 'pageSize must be an integer from 1 to 200' })
  @Max(200, { message: 'pageSize must be an integer from 1 to 200' })
  pageSize?: number;

  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ example: 'reminder_2d' })
  @IsOptional()
  @IsString()
  @Matches(/^(booked|rescheduled|cancelled|reminder_\d+[dhm])$/, { message: 'event must be booked, rescheduled, cancelled or reminder_<offset>' })
  event?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'consultationId must be a UUID' })
  consultationId?: string;
}
