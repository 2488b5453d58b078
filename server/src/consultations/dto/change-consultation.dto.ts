import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { STAFF_CANCELLATION_CAUSES, type StaffCancellationCause } from '../../../../shared/scheduling/cancellation';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';

/** Any of the four; what is left out stays as it is (the length too, unless endsAt is given). */
export class RescheduleConsultationDto {
  @ApiPropertyOptional({ example: '2026-03-31T14:00:00+02:00' })
  @IsOptional()
  @DateTimeWithOffset()
  startsAt?: string;

  @ApiPropertyOptional({ description: 'Defaults to startsAt + the current length' })
  @IsOptional()
  @DateTimeWithOffset()
  endsAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another booth; defaults to the current one' })
  @IsOptional()
  @IsUUID('4', { message: 'boothId must be the id of a booth' })
  boothId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another agent of the same administration' })
  @IsOptional()
  @IsUUID('4', { message: 'agentId must be the id of an agent' })
  agentId?: string;
}

export class ReassignConsultationDto {
  @ApiProperty({ format: 'uuid', description: 'Another agent of the same administration, free at that time' })
  @IsUUID('4', { message: 'agentId must be the id of an agent' })
  agentId!: string;
}

export class CancelConsultationDto {
  @ApiProperty({ example: 'Agent absent (formation)' })
  // Trimmed before it is measured: spaces alone are no reason (the citizen's SMS quotes it).
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3, { message: 'reason must say why (at least 3 characters)' })
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    enum: STAFF_CANCELLATION_CAUSES,
    enumName: 'StaffCancellationCause',
    description: 'Why, as the statistics group it: the agent is away, the site is closed, or the service for another reason (left out: service)',
  })
  // Left out, the service's own; null is no cause (the database requires one once cancelled).
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsIn(STAFF_CANCELLATION_CAUSES, { message: `cause must be one of ${STAFF_CANCELLATION_CAUSES.join(', ')}` })
  cause?: StaffCancellationCause;
}

export const OUTCOMES = ['done', 'no_show'] as const;
/** The same bound as the database's CHK_consultations_outcome_note_length. */
export const OUTCOME_NOTE_MAX = 1000;

export class RecordOutcomeDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `status must be one of ${OUTCOMES.join(', ')}` })
  status!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ example: 'Dossier complet, avis envoyé par courrier.', maxLength: OUTCOME_NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(OUTCOME_NOTE_MAX, { message: `note must be at most ${OUTCOME_NOTE_MAX} characters` })
  note?: string;
}
