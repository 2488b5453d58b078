import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';

/** An e-mail address, trimmed and lower-cased: accounts are looked up case-insensitively. */
export const NormalizedEmail = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: 'email must be an e-mail address', context: { code: 'INVALID_EMAIL' } }),
    MaxLength(254),
  );
