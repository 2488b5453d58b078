import { kbitPerSecond, median } from '../report';

const HEALTH = '/api/health';

/**
 * Median time of `samples` sequential health requests. Sequential, so that each one measures the
 * path and not a queue; the median, so that the first request's connection setup and a stray
 * garbage-collection pause do not count. Any HTTP status counts: a 503 still crossed the network.
 */
export async function measureRtt(signal: AbortSignal, samples = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    const response = await fetch(HEALTH, { cache: 'no-store', signal });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * Rough download rate: the health answer is too small to time, so this downloads the page's own
 * module bundle again (a few hundred kB once built). Null when there is none to fetch.
 */
export async function measureBitrate(signal: AbortSignal): Promise<number | null> {
  const src = document.querySelector<HTMLScriptElement>('script[type=module]')?.src;
  if (!src) return null;
  const started = performance.now();
  const response = await fetch(src, { cache: 'no-store', signal });
  if (!response.ok) return null;
  const body = await response.arrayBuffer();
  const elapsed = performance.now() - started;
  // Bytes on the wire when compressed: the decoded size would overstate the rate.
  const timing = performance.getEntriesByName(src, 'resource').at(-1) as PerformanceResourceTiming | undefined;
  return kbitPerSecond(timing?.encodedBodySize || body.byteLength, elapsed);
}
