import { QueryFailedError } from 'typeorm';

/**
 * The name the database gives its refusal (trigger `booth_in_service`, migration BoothRetirement) to
 * book a consultation on, move one to, or pair a terminal with a retired booth.
 */
export const BOOTH_IN_SERVICE = 'booth_in_service';

export function isRetiredBoothError(error: unknown): boolean {
  const pg = (error instanceof QueryFailedError ? error.driverError : error) as { code?: string; constraint?: string } | null;
  return typeof pg === 'object' && pg !== null && pg.code === '23514' && pg.constraint === BOOTH_IN_SERVICE;
}
