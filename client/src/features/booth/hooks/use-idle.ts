import { useEffect, useRef, useState } from 'react';

/** What counts as someone being there: a touch, a click, a key, the wheel, the mouse moving. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Seconds since the last sign of someone at the screen (checked once a second), and a way to count
 * from now again. Off when `enabled` is false.
 */
export function useIdleSeconds(enabled: boolean): { idle: number; reset: () => void } {
  const last = useRef(Date.now());
  const [idle, setIdle] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    last.current = Date.now();
    const seen = () => {
      last.current = Date.now();
    };
    ACTIVITY.forEach((event) => window.addEventListener(event, seen, { passive: true, capture: true }));
    const timer = setInterval(() => setIdle(Math.floor((Date.now() - last.current) / 1000)), 1000);
    return () => {
      ACTIVITY.forEach((event) => window.removeEventListener(event, seen, { capture: true }));
      clearInterval(timer);
      // Switched off: the next time it is on, it starts from zero, not from the last count.
      setIdle(0);
    };
  }, [enabled]);
  const reset = () => {
    last.current = Date.now();
    setIdle(0);
  };
  return { idle, reset };
}
