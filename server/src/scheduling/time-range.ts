import { DomainError, fieldError } from '../common/errors/domain.error';
import type { ErrorCode, FieldErrorCode } from '../common/errors/error-codes';

export const MAX_RANGE_DAYS = 366;

/** One field refused: `code` for the client, `message` (English, the field's name first) for developers. */
export function invalid(field: string | readonly string[], code: FieldErrorCode, message: string, errorCode: ErrorCode = 'VALIDATION_FAILED'): DomainError {
  const name = typeof field === 'string' ? field : field.join('.');
  return new DomainError(errorCode, `${name} ${message}.`, fieldError(field, code));
}

/**
 * Two validated ISO strings as instants, end after start, not longer than `maxDays`, and not ending
 * in the past when `notPast` is given. Field names are those of the caller's DTO.
 */
export function parseRange(
  fields: [string, string],
  from: string,
  to: string,
  options: { maxDays?: number; notPastOf?: number } = {},
): { from: Date; to: Date } {
  const [fromField, toField] = fields;
  const start = new Date(from);
  const end = new Date(to);
  if (Number.isNaN(start.getTime())) throw invalid(fromField, 'INVALID_DATE_TIME', 'is not a valid date-time');
  if (Number.isNaN(end.getTime())) throw invalid(toField, 'INVALID_DATE_TIME', 'is not a valid date-time');
  if (end <= start) throw invalid(toField, 'END_BEFORE_START', `must be after ${fromField}`);
  const maxDays = options.maxDays ?? MAX_RANGE_DAYS;
  if (end.getTime() - start.getTime() > maxDays * 86_400_000) throw invalid(toField, 'RANGE_TOO_LONG', `must be at most ${maxDays} days after ${fromField}`);
  if (options.notPastOf !== undefined && start.getTime() < options.notPastOf) throw invalid(fromField, 'IN_THE_PAST', 'must not be in the past');
  return { from: start, to: end };
}
