/** The hours a day bar spans, widened to any range outside them. */
const DEFAULT_WINDOW: [number, number] = [7 * 60, 20 * 60];

interface Props {
  /** Minute pairs drawn filled (open, offered). */
  filled: ReadonlyArray<readonly [number, number]>;
  /** Minute pairs drawn hatched (closed, not offered). */
  hatched?: ReadonlyArray<readonly [number, number]>;
}

/**
 * A day drawn as a bar, for the eye only (aria-hidden): the same hours are written out in the
 * table cell beside it, which is what screen readers read.
 */
export function TimeBar({ filled, hatched = [] }: Props) {
  const all = [...filled, ...hatched];
  const from = Math.min(DEFAULT_WINDOW[0], ...all.map(([s]) => s));
  const to = Math.max(DEFAULT_WINDOW[1], ...all.map(([, e]) => e));
  const span = to - from;
  const segment = ([s, e]: readonly [number, number]) => ({ left: `${((s - from) / span) * 100}%`, width: `${((e - s) / span) * 100}%` });
  return (
    <div aria-hidden="true" className="fr-mt-1v" style={{ position: 'relative', height: '0.75rem', minWidth: '8rem', background: 'var(--background-contrast-grey)' }}>
      {hatched.map((p) => (
        <span
          key={`h${p[0]}`}
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            ...segment(p),
            background: 'repeating-linear-gradient(45deg, var(--border-plain-grey) 0 3px, transparent 3px 6px)',
          }}
        />
      ))}
      {filled.map((p) => (
        <span key={`f${p[0]}`} style={{ position: 'absolute', top: 0, bottom: 0, ...segment(p), background: 'var(--background-action-high-blue-france)' }} />
      ))}
    </div>
  );
}
