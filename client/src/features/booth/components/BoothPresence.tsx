import { useEffect, type ReactNode } from 'react';
import { sendHeartbeat } from '../api/booth-status';

/** One beat every 15 s; the desk counts a booth offline after BOOTH_OFFLINE_SECONDS (45 by default). */
const BEAT_MS = 15_000;

/**
 * Around every booth page: tells the server the booth is on and showing the service, so that the
 * facilitator's desk knows it is ready (or that it went off before a consultation).
 */
export function BoothPresence({ children }: { children: ReactNode }) {
  useEffect(() => {
    const beat = () => void sendHeartbeat().catch(() => undefined);
    beat();
    const timer = setInterval(beat, BEAT_MS);
    return () => clearInterval(timer);
  }, []);
  return <>{children}</>;
}
