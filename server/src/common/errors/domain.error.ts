import type { ErrorCode, FieldErrorCode, FieldErrors } from './error-codes';

export type { FieldErrors } from './error-codes';

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

/** One field refused for one reason: `field(['citizen', 'phone'], 'INVALID_PHONE')` or `field('startsAt', 'IN_THE_PAST')`. */
export function fieldError(path: string | readonly string[], code: FieldErrorCode): FieldErrors {
  const [head, ...rest] = typeof path === 'string' ? [path] : path;
  if (head === undefined) throw new Error('a field path is needed');
  return { [head]: rest.length === 0 ? [code] : fieldError(rest, code) };
}
