import pino from 'pino';
import { QueryFailedError } from 'typeorm';

/**
 * How every logged error (`{ err }`) is written: pino's usual form, except for a failed query,
 * whose parameters (a chat text, a citizen's name…) and driver details ("Key (email)=(…)") would
 * carry personal data into logs kept beyond the retention period. Its statement, code and
 * constraint say enough to find the cause.
 */
export function errorForLog(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) {
    if (!(error instanceof Error)) return error;
    const logged = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
    // A failed query wrapped by another error (`new Error('…', { cause })`) is written the same way.
    return error.cause === undefined ? logged : { ...logged, cause: errorForLog(error.cause) };
  }
  const driver = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  return { type: 'QueryFailedError', message: error.message, code: driver?.code, constraint: driver?.constraint, query: error.query, stack: error.stack };
}
