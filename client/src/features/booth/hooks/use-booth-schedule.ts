import { useEffect, useState } from 'react';
import { type Consultation, listConsultations } from '../../../lib/consultations';
import { parisDayRange } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { welcomeState, type WelcomeState } from '../lib/welcome-state';
import { useBoothLink } from './use-booth-link';

/** The booth looks again this often: a consultation opens by itself, the citizen has nothing to press. */
const POLL_MS = 15_000;

export interface BoothSchedule {
  /** What the welcome screen says (one state at a time). */
  state: WelcomeState;
  /** The next consultation, once its call is open: the booth goes into it. */
  openNow: Consultation | null;
}

/** The booth's day, polled: every booth page (welcome, check) goes to the next call by it. */
export function useBoothSchedule(): BoothSchedule {
  const range = parisDayRange();
  const { track } = useBoothLink();
  const { data, reload } = useApi(() => track(listConsultations(range.from, range.to)), [range.from, range.to, track]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      reload();
      setNow(Date.now());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const state = welcomeState(data, now);
  return { state, openNow: state.kind === 'next' && state.open ? state.consultation : null };
}
