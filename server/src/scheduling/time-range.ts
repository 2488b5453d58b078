import { DomainError } from '../common/errors/domain.error';

export const MAX_RANGE_DAYS = 366;

export function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field} ${message}.`, { [field]: [`${field} ${message}`] });
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
  if (Number.isNaN(start.getTime())) throw invalid(fromField, 'is not a valid date-time');
  if (Number.isNaN(end.getTime())) throw invalid(toField, 'is not a valid date-time');
  if (end <= start) throw invalid(toField, `must be after ${fromField}`);
  const maxDays = options.maxDays ?? MAX_RANGE_DAYS;
  if (end.getTime() - start.getTime() > maxDays * 86_400_000) throw invalid(toField, `must be at most ${maxDays} days after ${fromField}`);
  if (options.notPastOf !== undefined && start.getTime() < options.notPastOf) throw invalid(fromField, 'must not be in the past');
  return { from: start, to: end };
}
