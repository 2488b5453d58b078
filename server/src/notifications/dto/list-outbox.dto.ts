import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageNumber, PageSize } from '../../common/http/paging.decorator';
import { OUTBOX_STATUSES, OutboxStatus } from '../entities/notification-outbox.entity';
import { Channel, CHANNELS } from '../templates/templates';

export class ListOutboxQueryDto {
  @PageNumber()
  page?: number;

  @PageSize(200, 50)
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
