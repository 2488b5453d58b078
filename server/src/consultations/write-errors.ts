import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/errors/domain.error';
import { isRetiredBoothError } from '../directory/booth-in-service';

interface PgError {
  code?: string;
  constraint?: string;
}

function pgError(error: unknown): PgError {
  if (error instanceof QueryFailedError) return error.driverError as PgError;
  return (typeof error === 'object' && error !== null ? error : {}) as PgError;
}

/** Deadlocks happen between two inserts checking each other's exclusion entries: one is retried. */
const RETRYABLE = new Set(['40P01', '40001']);

export async function withRetries<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(pgError(error).code ?? '')) throw error;
    }
  }
}

/** The database's verdict on a write, as the error a client can act on. */
export function translateWriteError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const pg = pgError(error);
  if (pg.code === '23P01' && pg.constraint === 'consultations_booth_no_overlap') {
    return new DomainError('BOOTH_TAKEN', 'The booth is already booked at that time.', { boothId: ['BOOTH_TAKEN'] });
  }
  if (pg.code === '23P01' && pg.constraint === 'consultations_agent_no_overlap') {
    return new DomainError('AGENT_TAKEN', 'The agent is already booked at that time.', { agentId: ['AGENT_TAKEN'] });
  }
  // Still deadlocked after the retries: two writers kept taking the same interval, one must lose.
  if (pg.code !== undefined && RETRYABLE.has(pg.code)) {
    return new DomainError('INTERVAL_TAKEN', 'Another booking took this interval at the same moment.', { startsAt: ['INTERVAL_TAKEN'] });
  }
  if (isRetiredBoothError(error)) {
    return new DomainError('VALIDATION_FAILED', 'The booth is retired.', { boothId: ['RETIRED'] });
  }
  // A booth, agent or type deleted between our read and our write.
  if (pg.code === '23503') return new DomainError('VALIDATION_FAILED', 'A referenced booth, agent or type no longer exists.');
  return error;
}
