import { fr } from '@codegouvfr/react-dsfr';

/**
 * DSFR colours for the plots, each with a pattern of its own: colour is never the only cue
 * (RGAA 3.1), the legend and the table below name each series too.
 */
export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical';

export interface SeriesStyle {
  color: string;
  pattern: PatternKind;
}

const flat = fr.colors.decisions.background.flat;
export const DSFR = {
  blue: flat.blueFrance.default,
  red: flat.error.default,
  orange: flat.warning.default,
  purple: flat.purpleGlycine.default,
  grey: flat.grey.default,
  green: flat.success.default,
  cumulus: flat.blueCumulus.default,
  text: fr.colors.decisions.text.default.grey.default,
  border: fr.colors.decisions.border.default.grey.default,
  background: fr.colors.decisions.background.default.grey.default,
} as const;

export const patternId = (prefix: string, key: string) => `${prefix}-${key}`;
export const fillOf = (prefix: string, key: string) => `url(#${patternId(prefix, key)})`;

/** One <pattern> per series, to use as fill="url(#prefix-key)": the colour with white marks over it. */
export function Patterns({ prefix, styles }: { prefix: string; styles: Record<string, SeriesStyle> }) {
  return (
    <defs>
      {Object.entries(styles).map(([key, { color, pattern }]) => (
        <pattern key={key} id={patternId(prefix, key)} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={color} />
          <Marks kind={pattern} />
        </pattern>
      ))}
    </defs>
  );
}

function Marks({ kind }: { kind: PatternKind }) {
  const stroke = { stroke: '#fff', strokeWidth: 1.5, strokeOpacity: 0.8 };
  switch (kind) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...stroke} />;
    case 'dots':
      return <circle cx="4" cy="4" r="1.6" fill="#fff" fillOpacity={0.85} />;
    case 'cross':
      return <path d="M0,0 l8,8 M8,0 l-8,8" {...stroke} />;
    case 'horizontal':
      return <path d="M0,4 h8" {...stroke} />;
    case 'vertical':
      return <path d="M4,0 v8" {...stroke} />;
  }
}

/** The legend as a list of words with the same swatch as the bars (the chart itself is hidden from screen readers: the table says it all). */
export function ChartLegend({ prefix, items }: { prefix: string; items: Array<{ key: string; label: string; style: SeriesStyle }> }) {
  return (
    <ul className="stats-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.key}>
          <svg width="16" height="16" viewBox="0 0 16 16" focusable="false">
            <Patterns prefix={`${prefix}-legend`} styles={{ [item.key]: item.style }} />
            <rect x="0.5" y="0.5" width="15" height="15" fill={fillOf(`${prefix}-legend`, item.key)} stroke={DSFR.text} strokeWidth="1" />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
