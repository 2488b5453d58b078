import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsNumber, IsString, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { normalizePhone, VALID_PHONE } from '../../../../shared/sms/phone';

/** Metropolitan (01–95, 2A, 2B) and overseas (971–976) département codes. */
export const DEPARTEMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

/** Optional fields may be left out, but not sent as null: null is not a name. */
const whenGiven = ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** Inner runs of spaces collapse and ends are trimmed: "Cabine  1 " and "Cabine 1" are one name. */
const tidy = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);

/** A display name or address line: text, not blank once trimmed, at most `max` characters. */
export function TextField(field: string, max: number, options: { optional?: boolean; example?: string } = {}) {
  return applyDecorators(
    options.optional ? ApiPropertyOptional({ maxLength: max, example: options.example }) : ApiProperty({ maxLength: max, example: options.example }),
    ...(options.optional ? [whenGiven] : []),
    Transform(tidy),
    IsString({ message: `${field} must be a string` }),
    IsNotEmpty({ message: `${field} must not be empty` }),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
  );
}

export function DepartementField(options: { optional?: boolean } = {}) {
  return applyDecorators(
    options.optional ? ApiPropertyOptional({ example: '45', pattern: DEPARTEMENT.source }) : ApiProperty({ example: '45', pattern: DEPARTEMENT.source }),
    ...(options.optional ? [whenGiven] : []),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsString({ message: 'departement must be a French département code (e.g. 45, 2A, 974)' }),
    Matches(DEPARTEMENT, { message: 'departement must be a French département code (e.g. 45, 2A, 974)', context: { code: 'INVALID_DEPARTEMENT' } }),
  );
}

export function PostalCodeField(options: { optional?: boolean } = {}) {
  return applyDecorators(
    options.optional ? ApiPropertyOptional({ example: '45300', pattern: '^\\d{5}$' }) : ApiProperty({ example: '45300', pattern: '^\\d{5}$' }),
    ...(options.optional ? [whenGiven] : []),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: 'postalCode must be 5 digits' }),
    Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits', context: { code: 'INVALID_POSTAL_CODE' } }),
  );
}

/**
 * An MSAP's phone number, landline or mobile, written the French way or internationally and kept in
 * E.164. Optional; empty or null removes it.
 */
export function SitePhoneField() {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '02 38 30 12 34', description: 'Given to citizens in their SMS as the number to call back; empty or null removes it' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (value.trim() === '' ? null : normalizePhone(value)) : value)),
    ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null),
    IsString({ message: 'phone must be a phone number' }),
    Matches(VALID_PHONE, { message: 'phone must be a French (02 38 30 12 34) or international (+…) number', context: { code: 'INVALID_PHONE' } }),
  );
}

/** "47,9029" as typed in French, "47.9029", or a number; an empty text is null (no position). */
const toCoordinate = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
};

/**
 * One half of a position in WGS 84 decimal degrees (`axis` latitude: ±90, longitude: ±180), paired
 * with `other`: both are given or neither, and null for both removes the position (the database's
 * CHECK says the same). A half missing while the other is given is REQUIRED.
 */
export function CoordinateField(field: string, other: string, axis: 'latitude' | 'longitude', example: number) {
  const bound = axis === 'latitude' ? 90 : 180;
  return applyDecorators(
    ApiPropertyOptional({
      type: Number,
      nullable: true,
      minimum: -bound,
      maximum: bound,
      example,
      description: `${axis} in decimal degrees (WGS 84), given with ${other}; null for both removes the position`,
    }),
    Transform(toCoordinate),
    ValidateIf((dto: object, value: unknown) => {
      const paired = (dto as Record<string, unknown>)[other];
      return !(value === undefined && paired === undefined) && !(value === null && paired === null);
    }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${field} must be a number of decimal degrees, given with ${other}` }),
    // Bounds of a number only: what is no number is said once (INVALID_TYPE), not also out of range.
    ValidateBy(
      { name: 'coordinateMin', validator: { validate: (value: unknown) => typeof value !== 'number' || value >= -bound } },
      { message: `${field} must be at least -${bound}`, context: { code: 'TOO_SMALL' } },
    ),
    ValidateBy(
      { name: 'coordinateMax', validator: { validate: (value: unknown) => typeof value !== 'number' || value <= bound } },
      { message: `${field} must be at most ${bound}`, context: { code: 'TOO_LARGE' } },
    ),
  );
}
