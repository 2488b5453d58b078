import { useCallback, useRef, useState } from 'react';
import type { ScheduleImpact } from '../api/types';

export type GuardedStep =
  /** Nothing under way. */
  | { kind: 'idle' }
  /** The dry run or the save is running. */
  | { kind: 'busy' }
  /** The change would leave bookings outside: they are listed, the save waits for a yes. */
  | { kind: 'review'; impact: ScheduleImpact }
  /** Saved; `impact` lists the bookings still to move or cancel (none when it hit nothing). */
  | { kind: 'saved'; impact: ScheduleImpact };

/**
 * A schedule change in two steps when it hits bookings: its dry run first (the server's checks,
 * and the bookings it would leave outside), then, once the person has seen them and said yes, the
 * save; a change that hits nothing is saved at once. Errors (a refused value) are thrown to the
 * caller of `submit`/`confirm`, which shows them on its form.
 */
export function useGuardedChange() {
  const [step, setStep] = useState<GuardedStep>({ kind: 'idle' });
  const pending = useRef<(() => Promise<void>) | null>(null);

  const submit = useCallback(async (check: () => Promise<ScheduleImpact>, save: () => Promise<void>) => {
    setStep({ kind: 'busy' });
    try {
      const impact = await check();
      if (impact.total > 0) {
        pending.current = save;
        setStep({ kind: 'review', impact });
        return;
      }
      await save();
      setStep({ kind: 'saved', impact });
    } catch (error) {
      setStep({ kind: 'idle' });
      throw error;
    }
  }, []);

  const confirm = useCallback(async () => {
    const save = pending.current;
    if (step.kind !== 'review' || !save) return;
    const { impact } = step;
    pending.current = null;
    setStep({ kind: 'busy' });
    try {
      await save();
      setStep({ kind: 'saved', impact });
    } catch (error) {
      setStep({ kind: 'idle' });
      throw error;
    }
  }, [step]);

  const reset = useCallback(() => {
    pending.current = null;
    setStep({ kind: 'idle' });
  }, []);

  return { step, submit, confirm, reset };
}
