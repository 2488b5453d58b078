import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { normalizePhone, VALID_PHONE } from '../../../../shared/sms/phone';

/** The same bound as the database's CHK_callback_requests_note. */
export const CALLBACK_NOTE_MAX = 300;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** "Call me back to change the time": where to call, and a short word on when suits. */
export class RequestCallbackDto {
  @ApiProperty({ example: '06 12 34 56 78', description: 'Normalised to E.164 (+33…)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizePhone(value) : value))
  @IsString()
  @Matches(VALID_PHONE, { message: 'phone must be a French (0X XX XX XX XX) or international (+…) number', context: { code: 'INVALID_PHONE' } })
  phone!: string;

  @ApiPropertyOptional({ example: 'Plutôt le matin', maxLength: CALLBACK_NOTE_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(CALLBACK_NOTE_MAX, { message: `note must be at most ${CALLBACK_NOTE_MAX} characters` })
  note?: string;
}
