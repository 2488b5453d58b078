import { useEffect, type ReactNode } from 'react';
import { sendHeartbeat } from '../api/booth-status';
import { useBoothLink } from '../hooks/use-booth-link';

/** One beat every 15 s; the desk counts a booth offline after BOOTH_OFFLINE_SECONDS (45 by default). */
const BEAT_MS = 15_000;

/**
 * Around every booth page: tells the server the booth is on and showing the service, so that the
 * facilitator's desk knows it is ready (or that it went off before a consultation).
 */
export function BoothPresence({ children }: { children: ReactNode }) {
  // Each beat also tells the booth whether it still reaches the service (the connection-lost screen).
  const { track } = useBoothLink();
  useEffect(() => {
    const beat = () => void track(sendHeartbeat()).catch(() => undefined);
    beat();
    const timer = setInterval(beat, BEAT_MS);
    return () => clearInterval(timer);
  }, [track]);
  return <>{children}</>;
}
