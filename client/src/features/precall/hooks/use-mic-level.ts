import { useEffect, useState } from 'react';

/**
 * Level shown on a 0–100 scale mapped from -60 dBFS (silence in a quiet room) to 0 dBFS.
 * "Heard" from 35 (about -39 dBFS): a voice at arm's length is around -30 to -20 dBFS, a booth's
 * background noise stays under -45 dBFS.
 */
export const HEARD_LEVEL = 35;
const FLOOR_DB = -60;
// Ten updates a second: smooth enough to follow a voice without re-rendering on every frame.
const SAMPLE_MS = 100;
// How long a resume may take before we ask for a touch: long enough not to flash the button.
const RESUME_GRACE_MS = 1000;

export function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  const db = rms > 0 ? 20 * Math.log10(rms) : FLOOR_DB;
  return Math.round(Math.min(100, Math.max(0, ((db - FLOOR_DB) / -FLOOR_DB) * 100)));
}

/**
 * Current microphone level, whether it has ever passed HEARD_LEVEL since the stream opened, and
 * whether the browser still holds audio (then only a touch or a key press will start the meter).
 */
export function useMicLevel(context: AudioContext | null, stream: MediaStream | null) {
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState(false);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    if (!context || !stream || context.state === 'closed') return;
    // Chromium lets a page that is capturing the microphone start audio without a gesture, so the
    // meter moves with no touch at all; stricter browsers keep it suspended and get the button.
    void context.resume();
    const grace = window.setTimeout(() => setBlocked(context.state === 'suspended'), RESUME_GRACE_MS);
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    // A muted path to the output: some engines only pull an analyser that reaches the destination,
    // and a zero gain keeps the microphone out of the speakers (no feedback howl).
    const mute = context.createGain();
    mute.gain.value = 0;
    source.connect(analyser).connect(mute).connect(context.destination);
    const samples = new Float32Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const now = levelOf(samples);
      setLevel(now);
      if (now >= HEARD_LEVEL) setHeard(true);
    }, SAMPLE_MS);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(grace);
      source.disconnect();
      analyser.disconnect();
      mute.disconnect();
      setLevel(0);
      setHeard(false);
      setBlocked(false);
    };
  }, [context, stream]);

  return { level, heard, blocked };
}
