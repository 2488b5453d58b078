import { useCallback, useEffect, useState } from 'react';
import { measureBitrate, measureRtt } from '../api/measure-network';
import type { MediaProbe } from '../report';

export type ProbeMedia = (signal: AbortSignal) => Promise<MediaProbe>;

export interface NetworkMeasure {
  running: boolean;
  failed: boolean;
  rttMs: number | null;
  bitrateKbps: number | null;
  /** undefined: no media probe here; null: not measured yet. */
  media: MediaProbe | null | undefined;
}

/**
 * Measures once on mount and again on `rerun`: HTTP round trip and download rate to the server,
 * then, when the app provides a media probe, the path to the SFU itself. An unmount aborts what is
 * in flight.
 */
export function useNetworkCheck(probeMedia?: ProbeMedia) {
  const [measure, setMeasure] = useState<NetworkMeasure>({ running: true, failed: false, rttMs: null, bitrateKbps: null, media: probeMedia ? null : undefined });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    const start: NetworkMeasure = { running: true, failed: false, rttMs: null, bitrateKbps: null, media: probeMedia ? null : undefined };
    setMeasure(start);
    void (async () => {
      try {
        const rttMs = await measureRtt(abort.signal);
        if (abort.signal.aborted) return;
        setMeasure({ ...start, rttMs });
        // A failed download leaves the round trip valid: the rate is just not measured.
        const bitrateKbps = await measureBitrate(abort.signal).catch(() => null);
        if (abort.signal.aborted) return;
        setMeasure({ ...start, running: probeMedia !== undefined, rttMs, bitrateKbps });
        if (!probeMedia) return;
        const media = await probeMedia(abort.signal);
        if (!abort.signal.aborted) setMeasure({ running: false, failed: false, rttMs, bitrateKbps, media });
      } catch {
        if (!abort.signal.aborted) setMeasure({ ...start, running: false, failed: true });
      }
    })();
    return () => abort.abort();
  }, [attempt, probeMedia]);

  const rerun = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...measure, rerun };
}
