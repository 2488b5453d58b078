import { useEffect, useRef } from 'react';

/**
 * Calls `onChange` each time the server's event stream at `path` says something changed
 * (server-sent events, which the browser reconnects by itself), and once more each time the stream
 * opens: at first, a change made between the page's first reading and the stream's opening would
 * otherwise go unheard (the page reads before it listens); after a cut, changes may have been missed
 * meanwhile. Bursts are gathered into one call.
 */
export function useServerEvents(path: string | null, onChange: () => void, gatherMs = 150): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (!path || typeof EventSource === 'undefined') return;
    const source = new EventSource(path, { withCredentials: true });
    let pending: ReturnType<typeof setTimeout> | null = null;
    const fire = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        callback.current();
      }, gatherMs);
    };
    source.addEventListener('change', fire);
    source.addEventListener('open', fire);
    return () => {
      if (pending) clearTimeout(pending);
      source.close();
    };
  }, [path, gatherMs]);
}

/** The site's day changed (a facilitator's own site when `siteId` is null). */
export function useDeskEvents(siteId: string | null, onChange: () => void): void {
  useServerEvents(`/api/desk/events${siteId ? `?siteId=${encodeURIComponent(siteId)}` : ''}`, onChange);
}
