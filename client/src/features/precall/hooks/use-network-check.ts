import { useCallback, useEffect, useState } from 'react';
import { measureBitrate, measureRtt } from '../api/measure-network';

export interface NetworkMeasure {
  running: boolean;
  failed: boolean;
  rttMs: number | null;
  bitrateKbps: number | null;
}

const IDLE: NetworkMeasure = { running: true, failed: false, rttMs: null, bitrateKbps: null };

/** Measures once on mount and again on `rerun`; an unmount aborts the requests in flight. */
export function useNetworkCheck() {
  const [measure, setMeasure] = useState<NetworkMeasure>(IDLE);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setMeasure(IDLE);
    void (async () => {
      try {
        const rttMs = await measureRtt(abort.signal);
        if (abort.signal.aborted) return;
        setMeasure({ ...IDLE, rttMs });
        // A failed download leaves the round trip valid: the rate is just not measured.
        const bitrateKbps = await measureBitrate(abort.signal).catch(() => null);
        if (!abort.signal.aborted) setMeasure({ running: false, failed: false, rttMs, bitrateKbps });
      } catch {
        if (!abort.signal.aborted) setMeasure({ ...IDLE, running: false, failed: true });
      }
    })();
    return () => abort.abort();
  }, [attempt]);

  const rerun = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...measure, rerun };
}
