import { DSFR } from './chart-style';

/** A small line of the held consultations per bucket; its label gives the same figures in words. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const width = 96;
  const height = 24;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <svg className="stats-sparkline" width={width} height={height} viewBox={`-2 0 ${width + 4} ${height}`} role="img" aria-label={label} focusable="false">
      <line x1="0" x2={width} y1={height - 2} y2={height - 2} stroke={DSFR.border} strokeWidth="1" />
      {values.length > 1 ? <polyline points={points} fill="none" stroke={DSFR.blue} strokeWidth="2" strokeLinejoin="round" /> : null}
      {values.length > 0 && <circle cx={(values.length - 1) * step} cy={height - 2 - (values[values.length - 1]! / max) * (height - 4)} r="2.5" fill={DSFR.blue} />}
    </svg>
  );
}
