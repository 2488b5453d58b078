import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONSULTATION_STATUSES, ConsultationStatus } from '../../consultations/entities/consultation.entity';

export const CALLBACK_LISTS = ['open', 'handled'] as const;

export class ListCallbackRequestsQueryDto {
  @ApiPropertyOptional({ enum: CALLBACK_LISTS, default: 'open', description: 'Waiting ones (oldest first), or the last handled (newest first)' })
  @IsOptional()
  @IsIn(CALLBACK_LISTS, { message: `status must be one of ${CALLBACK_LISTS.join(', ')}` })
  status?: (typeof CALLBACK_LISTS)[number];
}

/** A citizen's request to be called back about their appointment, as the France Services and the coordination see it. */
export class CallbackRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Where to call (E.164); null once erased with the citizen’s data' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The citizen’s short note' })
  note!: string | null;

  @ApiProperty()
  requestedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  handledAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  handledByName!: string | null;

  @ApiProperty({ example: 'Jeanne Martin' })
  citizenName!: string;

  @ApiProperty({ description: 'The appointment' })
  startsAt!: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' })
  consultationStatus!: ConsultationStatus;

  @ApiProperty({ format: 'uuid' })
  msapSiteId!: string;

  @ApiProperty()
  msapSiteName!: string;

  @ApiProperty()
  boothName!: string;

  @ApiProperty()
  administrationName!: string;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;
}
