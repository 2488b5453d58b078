import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CALL_FEEDBACK_NOTE_MAX, CALL_PROBLEMS, CallProblem } from '../../../../shared/survey/call-feedback';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What the agent or the facilitator says of the call: the problems met, and a short note. */
export class CallFeedbackDto {
  @ApiProperty({ enum: CALL_PROBLEMS, enumName: 'CallProblem', isArray: true, example: ['sound', 'cuts'], description: 'Empty: no problem' })
  @IsArray()
  @ArrayMaxSize(CALL_PROBLEMS.length)
  @IsIn(CALL_PROBLEMS, { each: true, message: `problems must be among ${CALL_PROBLEMS.join(', ')}` })
  problems!: CallProblem[];

  @ApiPropertyOptional({ example: 'Le son coupait toutes les deux minutes.', maxLength: CALL_FEEDBACK_NOTE_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(CALL_FEEDBACK_NOTE_MAX, { message: `note must be at most ${CALL_FEEDBACK_NOTE_MAX} characters` })
  note?: string;
}

export class CallFeedbackView {
  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ enum: ['agent', 'facilitator'] })
  authorRole!: 'agent' | 'facilitator';

  @ApiProperty({ enum: CALL_PROBLEMS, enumName: 'CallProblem', isArray: true })
  problems!: CallProblem[];

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}
