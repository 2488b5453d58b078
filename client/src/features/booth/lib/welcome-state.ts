import { type Consultation, isOpen } from '../../../lib/consultations';

/** How early the booth opens the call (the server accepts JOIN_MARGIN_MINUTES, 15 by default). */
export const JOIN_EARLY_MS = 10 * 60_000;

/**
 * What the welcome screen says, one state at a time so that it never says two things at once:
 * still loading; the next consultation of the day (its call open or not yet); none booked today;
 * or all of today's held or over.
 */
export type WelcomeState =
  | { kind: 'loading' }
  | { kind: 'next'; consultation: Consultation; open: boolean }
  | { kind: 'none' }
  | { kind: 'allDone' };

export function welcomeState(today: readonly Consultation[] | null, now: number): WelcomeState {
  if (!today) return { kind: 'loading' };
  // Cancelled ones were never going to happen: a day of cancellations is a day without consultations.
  const booked = today.filter((c) => c.status !== 'cancelled');
  const next = booked
    .filter((c) => isOpen(c.status) && new Date(c.endsAt).getTime() > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (next) return { kind: 'next', consultation: next, open: new Date(next.startsAt).getTime() - JOIN_EARLY_MS <= now };
  return booked.length === 0 ? { kind: 'none' } : { kind: 'allDone' };
}
