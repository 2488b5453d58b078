import { useEffect, useState } from 'react';
import { Consultation, isOpen, listConsultations } from '../../../lib/consultations';
import { parisDayRange } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';

/** How early the booth opens the call (the server accepts JOIN_MARGIN_MINUTES, 15 by default). */
export const JOIN_EARLY_MS = 10 * 60_000;
/** The booth looks again this often: a consultation opens by itself, the citizen has nothing to press. */
const POLL_MS = 15_000;

export interface BoothSchedule {
  /** Today's consultations of this booth, once loaded. */
  today: Consultation[] | null;
  /** The next consultation still to be held today (in progress, or booked and not over). */
  next: Consultation | null;
  /** `next`, once its call is open: the booth goes into it. */
  openNow: Consultation | null;
}

/** The booth's day, polled: every booth page (welcome, check, end screen) goes to the next call by it. */
export function useBoothSchedule(): BoothSchedule {
  const range = parisDayRange();
  const { data, reload } = useApi(() => listConsultations(range.from, range.to), [range.from, range.to]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      reload();
      setNow(Date.now());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const next = data?.find((c) => isOpen(c.status) && new Date(c.endsAt).getTime() > now) ?? null;
  const openNow = next && new Date(next.startsAt).getTime() - JOIN_EARLY_MS <= now ? next : null;
  return { today: data, next, openNow };
}
