/**
 * Three rising notes (C5, E5, G5): a tune is easier to recognise than a bare beep, for someone
 * unsure whether what they heard came from the terminal.
 */
const NOTES_HZ = [523.25, 659.25, 783.99];
const NOTE_S = 0.35;
// Loud enough over a booth's background noise, well below clipping.
const VOLUME = 0.4;
const RAMP_S = 0.02;

/** Plays the test tune through `context` and resolves when it has finished. */
export async function playTestTone(context: AudioContext): Promise<void> {
  // A click is a user gesture: this is where a context held by the autoplay policy may start.
  await context.resume();
  const start = context.currentTime + 0.05;
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  const oscillator = context.createOscillator();
  oscillator.type = 'sine';
  oscillator.connect(gain);
  NOTES_HZ.forEach((hz, i) => {
    const at = start + i * NOTE_S;
    oscillator.frequency.setValueAtTime(hz, at);
    // Ramps in and out of every note: a hard edge is heard as a click.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + RAMP_S);
    gain.gain.setValueAtTime(VOLUME, at + NOTE_S - 3 * RAMP_S);
    gain.gain.linearRampToValueAtTime(0, at + NOTE_S - RAMP_S);
  });
  const ended = new Promise<void>((resolve) => oscillator.addEventListener('ended', () => resolve(), { once: true }));
  oscillator.start(start);
  oscillator.stop(start + NOTES_HZ.length * NOTE_S);
  await ended;
  oscillator.disconnect();
  gain.disconnect();
}
