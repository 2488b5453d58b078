import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../../lib/api';

/** Requests of the booth (heartbeat, day's schedule) failing this many times in a row: the link is lost. */
export const FAILURES_FOR_LOST = 2;
/** While lost, the server is asked this often whether it answers again. */
const PROBE_MS = 5_000;

interface BoothLink {
  /** The network is down, or the booth's last requests all failed. */
  lost: boolean;
  /** Runs a booth request and counts whether it reached the server. */
  track<T>(request: Promise<T>): Promise<T>;
}

const BoothLinkContext = createContext<BoothLink | null>(null);

/** Only a failure to reach the server counts: a refusal (4xx) is an answer, the link works. */
const unreachable = (error: unknown) => error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 500);

/**
 * Watches the booth's link to the service: the browser's offline event, and its own periodic
 * requests. Once lost, the server's health is probed until it answers, so that the booth recovers
 * by itself without anyone touching it.
 */
export function BoothLinkProvider({ children }: { children: ReactNode }) {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  const lost = !online || failures >= FAILURES_FOR_LOST;

  useEffect(() => {
    if (!lost) return;
    const timer = setInterval(() => {
      if (!navigator.onLine) return;
      fetch('/api/health', { cache: 'no-store' })
        .then((res) => res.ok && setFailures(0))
        .catch(() => undefined);
    }, PROBE_MS);
    return () => clearInterval(timer);
  }, [lost]);

  const track = useCallback(<T,>(request: Promise<T>): Promise<T> => {
    request.then(
      () => setFailures(0),
      (error: unknown) => unreachable(error) && setFailures((n) => n + 1),
    );
    return request;
  }, []);

  const value = useMemo(() => ({ lost, track }), [lost, track]);
  return <BoothLinkContext.Provider value={value}>{children}</BoothLinkContext.Provider>;
}

const NOT_WATCHED: BoothLink = { lost: false, track: (request) => request };

/** The booth's link; outside the kiosk (a test harness), nothing is watched. */
export function useBoothLink(): BoothLink {
  return useContext(BoothLinkContext) ?? NOT_WATCHED;
}
