import { useCallback, useEffect, useRef, useState } from 'react';
import type { AffectedBooking, ScheduleImpact } from '../api/types';

export interface ToSettleState {
  /** null until the first answer. */
  items: AffectedBooking[] | null;
  /** The bookings settled here since the page opened, with what was done (they stay listed, with it). */
  settled: Record<string, string>;
  /** How many are still to settle (the server counts past the 500 it lists). */
  remaining: number;
  /** The server's total when it lists fewer than it counts. */
  truncated: { shown: number; total: number } | null;
  error: unknown;
  /** The reason proposed for cancelling, for bookings a change saved here brought (by its kind: hours, closure). */
  reasons: Record<string, string>;
  /** Bumped when new bookings to settle came with a change just saved: the panel's heading takes the focus. */
  focusRequest: number;
}

const EMPTY: ToSettleState = { items: null, settled: {}, remaining: 0, truncated: null, error: null, reasons: {}, focusRequest: 0 };

const byStart = (a: AffectedBooking, b: AffectedBooking) => a.consultation.startsAt.localeCompare(b.consultation.startsAt) || a.consultation.id.localeCompare(b.consultation.id);

/**
 * The bookings a schedule no longer holds, as the server counts them with the schedule stored:
 * loaded with the page (a change saved earlier, by anyone), asked again after each change saved
 * here. The list lives apart from the forms: editing again does not hide it, and a booking settled
 * stays listed with what was done until the page is left.
 */
export function useBookingsToSettle(load: () => Promise<ScheduleImpact>, deps: unknown[]) {
  const [state, setState] = useState<ToSettleState>(EMPTY);
  const loadRef = useRef(load);
  loadRef.current = load;

  /** Asks again; after a change saved here, `focusOnNew` and the cancel reason that fits the change. */
  const refresh = useCallback(async (focusOnNew: boolean, reason?: string) => {
    try {
      const impact = await loadRef.current();
      setState((s) => {
        const fresh = new Set(impact.affected.map((a) => a.consultation.id));
        const known = new Set((s.items ?? []).filter((a) => !s.settled[a.consultation.id]).map((a) => a.consultation.id));
        const kept = (s.items ?? []).filter((a) => s.settled[a.consultation.id] && !fresh.has(a.consultation.id));
        const settled = Object.fromEntries(Object.entries(s.settled).filter(([id]) => !fresh.has(id)));
        const added = impact.affected.filter((a) => !known.has(a.consultation.id)).map((a) => a.consultation.id);
        const reasons = reason ? { ...s.reasons, ...Object.fromEntries(added.map((id) => [id, reason])) } : s.reasons;
        return {
          items: [...kept, ...impact.affected].sort(byStart),
          settled,
          remaining: impact.total,
          truncated: impact.total > impact.affected.length ? { shown: impact.affected.length, total: impact.total } : null,
          error: null,
          reasons,
          focusRequest: focusOnNew && added.length > 0 ? s.focusRequest + 1 : s.focusRequest,
        };
      });
    } catch (error) {
      setState((s) => ({ ...s, error }));
    }
  }, []);

  const markSettled = useCallback((id: string, message: string) => {
    setState((s) => (s.settled[id] ? s : { ...s, settled: { ...s.settled, [id]: message }, remaining: Math.max(0, s.remaining - 1) }));
  }, []);

  useEffect(() => {
    setState(EMPTY);
    void refresh(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { state, refresh, markSettled };
}
