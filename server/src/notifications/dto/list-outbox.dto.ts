import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { OUTBOX_STATUSES, OutboxStatus } from '../entities/notification-outbox.entity';
import { Channel, CHANNELS } from '../templates/templates';

export class ListOutboxQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer from 1' })
  @Min(1, { message: 'page must be an integer from 1' })
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer from 1 to 200' })
  @Min(1, { message: 'pageSize must be an integer from 1 to 200' })
  @Max(200, { message: 'pageSize must be an integer from 1 to 200' })
  pageSize?: number;

  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;

  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @IsOptional()
  @IsString()
  @Matches(/^(booked|rescheduled|cancelled|reminder_\d+[dhm])$/, { message: 'event must be booked, rescheduled, cancelled or reminder_<offset>' })
  event?: string;

  @IsOptional()
  @IsUUID('all', { message: 'consultationId must be a UUID' })
  consultationId?: string;
}
