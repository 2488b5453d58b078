import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';
import { NormalizedEmail } from '../../common/http/email.decorator';

/** French numbers (06 12 34 56 78) become +33612345678; others must already be international. */
export function normalizePhone(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/[\s.\-()]/g, '');
  if (/^0\d{9}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  return compact;
}

export class CitizenDto {
  @ApiProperty({ example: 'Jeanne Martin' })
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: 'citizen name is required' })
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ example: '06 12 34 56 78', description: 'Normalised to E.164 (+33…)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => normalizePhone(value))
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'phone must be a French (0X XX XX XX XX) or international (+…) number', context: { code: 'INVALID_PHONE' } })
  phone?: string;

  @ApiPropertyOptional({ example: 'jeanne.martin@example.fr' })
  @IsOptional()
  @NormalizedEmail()
  email?: string;
}

export class BookConsultationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'boothId must be the id of a booth' })
  boothId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'agentId must be the id of an agent' })
  agentId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'consultationTypeId must be the id of a consultation type' })
  consultationTypeId!: string;

  @ApiProperty({ example: '2026-03-30T09:00:00+02:00' })
  @DateTimeWithOffset()
  startsAt!: string;

  @ApiPropertyOptional({ example: '2026-03-30T09:30:00+02:00', description: 'Defaults to startsAt + the type duration' })
  @IsOptional()
  @DateTimeWithOffset()
  endsAt?: string;

  @ApiProperty({ type: CitizenDto })
  @IsDefined({ message: 'citizen is required' })
  @ValidateNested()
  @Type(() => CitizenDto)
  citizen!: CitizenDto;
}
