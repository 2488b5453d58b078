import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateBy, ValidateNested } from 'class-validator';
import { classifyLandline, classifyPhone, normalizePhone, VALID_PHONE } from '../../../../shared/sms/phone';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';
import { NormalizedEmail } from '../../common/http/email.decorator';

/**
 * The citizen's phone is for SMS: a number that cannot receive one (a landline) is refused with
 * NOT_A_MOBILE (shared/sms/phone.ts decides): it goes in `landline`; a malformed one only says INVALID_PHONE.
 */
const CanReceiveSms = () =>
  ValidateBy(
    { name: 'canReceiveSms', validator: { validate: (value: unknown) => typeof value !== 'string' || classifyPhone(value) !== 'not_mobile' } },
    { message: 'phone cannot receive an SMS (a landline): give a mobile, or no number', context: { code: 'NOT_A_MOBILE' } },
  );

/**
 * The landline is where staff call a citizen without a mobile: a French landline (shared/sms/phone.ts).
 * NOTE: a mobile typed there is refused (NOT_A_LANDLINE) rather than kept: it belongs in `phone`,
 * where it gets the SMS; kept here, the citizen would silently get a phone call instead. The form
 * offers to move it. A foreign number is taken as a mobile (phone.ts) and goes in `phone` too.
 */
const IsFrenchLandline = () =>
  ValidateBy(
    { name: 'isFrenchLandline', validator: { validate: (value: unknown) => typeof value !== 'string' || !['mobile', 'other'].includes(classifyLandline(value)) } },
    { message: 'landline must be a French landline (01–05, 09): a mobile or a foreign number goes in phone', context: { code: 'NOT_A_LANDLINE' } },
  );

const normalized = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizePhone(value) : value);

export class CitizenDto {
  @ApiProperty({ example: 'Jeanne Martin' })
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: 'citizen name is required' })
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ example: '06 12 34 56 78', description: 'A mobile (SMS), normalised to E.164 (+33…); a landline is refused (NOT_A_MOBILE): it goes in landline' })
  @IsOptional()
  @Transform(normalized)
  @Matches(VALID_PHONE, { message: 'phone must be a French (0X XX XX XX XX) or international (+…) number', context: { code: 'INVALID_PHONE' } })
  @CanReceiveSms()
  phone?: string;

  @ApiPropertyOptional({
    example: '02 38 30 12 34',
    description:
      'A French landline (01–05, 09), normalised to E.164, on which staff call a citizen who has neither mobile nor e-mail; never sent an SMS. A mobile or a foreign number is refused (NOT_A_LANDLINE): it goes in phone',
  })
  @IsOptional()
  @Transform(normalized)
  @Matches(VALID_PHONE, { message: 'landline must be a French number (0X XX XX XX XX)', context: { code: 'INVALID_PHONE' } })
  @IsFrenchLandline()
  landline?: string;

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
