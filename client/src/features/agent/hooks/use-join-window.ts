import { useEffect, useState } from 'react';
import { useApi } from '../../../lib/use-api';
import { getJoinWindow } from '../api/get-join-window';
import { JoinWindow, nextChangeIn } from '../join-window';

/**
 * The server's rule for entering a call, read once per page, with this browser's clock offset
 * (measured at the middle of the request): a page counts down on the server's time, so that its
 * "Rejoindre" turns on when the server accepts. `failed` when it could not be read.
 */
export function useJoinWindow(): { window: JoinWindow | null; failed: boolean } {
  const { data, error } = useApi(async () => {
    const sent = Date.now();
    const rule = await getJoinWindow();
    const received = Date.now();
    return { minutesBeforeStart: rule.minutesBeforeStart, minutesAfterEnd: rule.minutesAfterEnd, offsetMs: Date.parse(rule.serverTime) - (sent + received) / 2 };
  }, []);
  return { window: data, failed: error !== null };
}

/** The server's time now, read again whenever the words of a countdown to `target` change (no reload, no polling). */
export function useServerNow(offsetMs: number, target: number | null): number {
  const [reading, setReading] = useState(() => ({ offsetMs, now: Date.now() + offsetMs }));
  // The offset arrives with the rule: read the clock again at once rather than at the next change.
  if (reading.offsetMs !== offsetMs) setReading({ offsetMs, now: Date.now() + offsetMs });
  const { now } = reading;
  useEffect(() => {
    if (target === null || now >= target) return;
    const read = () => Date.now() + offsetMs;
    const timer = setTimeout(() => setReading({ offsetMs, now: read() }), nextChangeIn(target - read()));
    return () => clearTimeout(timer);
  }, [offsetMs, target, now]);
  return now;
}
