import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date-time that says its offset (`Z` or `+02:00`): a bare local time is ambiguous
 * around a daylight-saving change, so it is refused rather than guessed.
 */
export const DateTimeWithOffset = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, { message: ({ property }) => `${property} must be an ISO 8601 date-time` }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: ({ property }) => `${property} must include a time (YYYY-MM-DDTHH:mm)` }),
    Matches(WITH_OFFSET, { message: ({ property }) => `${property} must end with an offset, e.g. Z or +01:00` }),
  );
