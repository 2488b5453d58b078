import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain.error';

/** Path ids are UUIDs; anything else is a 422 naming the parameter, not a database error. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new DomainError('VALIDATION_FAILED', `${name} must be a UUID.`, { [name]: ['INVALID_ID'] }),
  });
