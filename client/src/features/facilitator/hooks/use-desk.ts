import { useCallback, useEffect, useRef, useState } from 'react';
import { playChime } from '../../../lib/chime';
import { useDeskEvents } from '../../../lib/use-desk-events';
import { getDesk, type DeskDay } from '../api/desk';

const alertKey = (a: DeskDay['alerts'][number]) => `${a.kind}:${a.consultationId}`;
/** Read again at least this often, whatever is heard (a missed event, a clock that moved). */
const SAFETY_MS = 60_000;

/**
 * The site's day, live: read again when the server says it changed (server-sent events), when a
 * threshold it announced passes (`recheckAt`: a wait becoming too long, a booth going silent), and
 * at least every minute. A new alert rings once.
 */
export function useDesk() {
  const [day, setDay] = useState<DeskDay | null>(null);
  const [error, setError] = useState<unknown>(null);
  const known = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  // Readings may come back out of order: only the latest one asked for is shown.
  const asked = useRef(0);

  const load = useCallback(async () => {
    const mine = ++asked.current;
    try {
      const next = await getDesk();
      if (mine !== asked.current) return;
      setDay(next);
      setError(null);
      const keys = new Set(next.alerts.map(alertKey));
      const rising = [...keys].filter((k) => !known.current?.has(k));
      // The first reading shows what stands without ringing; later ones ring for new alerts only.
      if (known.current && rising.length > 0) playChime();
      known.current = keys;
      setFresh(new Set(rising));
    } catch (e) {
      if (mine === asked.current) setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
    const safety = setInterval(() => void load(), SAFETY_MS);
    return () => clearInterval(safety);
  }, [load]);

  useEffect(() => {
    if (!day?.recheckAt) return;
    const wait = Math.max(0, Date.parse(day.recheckAt) - Date.now()) + 200;
    const timer = setTimeout(() => void load(), Math.min(wait, 2_147_000_000));
    return () => clearTimeout(timer);
  }, [day?.recheckAt, load]);

  useDeskEvents(null, () => void load());
  return { day, error, reload: load, freshAlerts: fresh };
}
