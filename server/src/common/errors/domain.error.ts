import { ErrorCode } from './error-codes';

/** Field name → messages, nested for nested DTOs. */
export interface FieldErrors {
  [field: string]: string[] | FieldErrors;
}

/** An expected failure of a service call, described by a code that callers can rely on. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
