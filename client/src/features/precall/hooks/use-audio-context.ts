import { useEffect, useState } from 'react';

/**
 * One AudioContext for the microphone meter and the test tone, closed on unmount.
 * `running` is false while the autoplay policy holds it until a user gesture: the first touch or
 * key press anywhere resumes it, and the meter offers a button for that (see useMicLevel).
 */
export function useAudioContext() {
  const [context, setContext] = useState<AudioContext | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (typeof AudioContext === 'undefined') return;
    const created = new AudioContext();
    const resume = () => void created.resume();
    const gestures = ['pointerdown', 'keydown'] as const;
    const onStateChange = () => {
      setRunning(created.state === 'running');
      if (created.state !== 'suspended') gestures.forEach((g) => document.removeEventListener(g, resume, true));
    };
    created.addEventListener('statechange', onStateChange);
    gestures.forEach((g) => document.addEventListener(g, resume, true));
    setContext(created);
    onStateChange();
    return () => {
      created.removeEventListener('statechange', onStateChange);
      gestures.forEach((g) => document.removeEventListener(g, resume, true));
      void created.close();
      setContext(null);
      setRunning(false);
    };
  }, []);

  return { context, running };
}
