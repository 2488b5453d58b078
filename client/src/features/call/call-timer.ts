/** The warning starts this long before the booked end (and is said once to screen readers). */
export const WARN_MS = 5 * 60_000;

export interface TimerState {
  /** Since the call started, "mm:ss" (or "h:mm:ss"). */
  elapsed: string;
  /** Whole minutes to the booked end (rounded up), or past it when `over`. */
  minutes: number;
  over: boolean;
  /** From WARN_MS before the booked end. */
  warning: boolean;
  /** The last threshold crossed, for screen readers: 5 minutes left, or the end reached. */
  threshold: 'fiveLeft' | 'reached' | null;
}

const clock = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

/** The agent's call clock at `now`: time since the start, and against the booked end. */
export function timerState(startedAt: string, endsAt: string, now: number): TimerState {
  const left = new Date(endsAt).getTime() - now;
  const over = left <= 0;
  const warning = left <= WARN_MS;
  return {
    elapsed: clock(now - new Date(startedAt).getTime()),
    minutes: Math.ceil(Math.abs(left) / 60_000),
    over,
    warning,
    threshold: over ? 'reached' : warning ? 'fiveLeft' : null,
  };
}
