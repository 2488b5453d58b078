/** Two short tones: heard across an office when the citizen is waiting (the agent), or an alert rises (the desk). */
export function playChime(): void {
  try {
    const ctx = new AudioContext();
    [0, 0.25].forEach((at, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = i === 0 ? 880 : 660;
      osc.connect(ctx.destination);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + 0.18);
    });
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // No audio output: the banner still shows.
  }
}

/**
 * Browsers play no sound in a page nobody has touched yet (autoplay policy): a desk reloaded and
 * left alone would ring silently. The page offers a button (a touch) while this is true.
 */
export function soundBlocked(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return activation ? !activation.hasBeenActive : false;
}
