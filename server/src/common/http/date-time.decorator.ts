import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
/** Every rule here says the same to the client: not a date-time it can use. */
const CODE = { code: 'INVALID_DATE_TIME' };

/**
 * An ISO 8601 date-time that says its offset (`Z` or `+02:00`): a bare local time is ambiguous
 * around a daylight-saving change, so it is refused rather than guessed.
 */
export const DateTimeWithOffset = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, { message: ({ property }) => `${property} must be an ISO 8601 date-time`, context: CODE }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: ({ property }) => `${property} must include a time (YYYY-MM-DDTHH:mm)`, context: CODE }),
    Matches(WITH_OFFSET, { message: ({ property }) => `${property} must end with an offset, e.g. Z or +01:00`, context: CODE }),
  );
