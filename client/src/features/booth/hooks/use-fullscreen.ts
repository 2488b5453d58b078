import { useEffect } from 'react';

/**
 * The booth asks for the full screen at the first touch or key of each page load (browsers grant it
 * only on a gesture; under Chromium --kiosk the window already fills the screen). Once per load:
 * a facilitator who left it keeps it left until the next citizen's wipe reloads the page.
 */
export function useFullscreenOnFirstGesture(enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !document.fullscreenEnabled) return;
    const events = ['pointerdown', 'keydown'] as const;
    const ask = () => {
      events.forEach((event) => window.removeEventListener(event, ask, true));
      if (!document.fullscreenElement) void document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    };
    events.forEach((event) => window.addEventListener(event, ask, true));
    return () => events.forEach((event) => window.removeEventListener(event, ask, true));
  }, [enabled]);
}
