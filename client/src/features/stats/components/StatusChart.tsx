import type { PublicStatsSeriesPoint } from '@shared/stats/indicators';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketLabel, formatNumber } from '../format';
import { ChartLegend, DSFR, fillOf, Patterns, SeriesStyle } from './chart-style';

const STATUS_KEYS = ['held', 'cancelled', 'noShowCitizen', 'noShowAgent', 'other'] as const;
type StatusKey = (typeof STATUS_KEYS)[number];

const STYLES: Record<StatusKey, SeriesStyle> = {
  held: { color: DSFR.blue, pattern: 'solid' },
  cancelled: { color: DSFR.red, pattern: 'diagonal' },
  noShowCitizen: { color: DSFR.orange, pattern: 'dots' },
  noShowAgent: { color: DSFR.purple, pattern: 'cross' },
  other: { color: DSFR.grey, pattern: 'horizontal' },
};

/** A point whose counts may be withheld (public page): null is « non diffusé ». */
type Point = PublicStatsSeriesPoint;

/** What is neither held, cancelled nor a no-show: still to come, or without a known outcome. */
export function otherOf(p: Point): number | null {
  if (p.booked === null || p.held === null || p.cancelled === null || p.noShowCitizen === null || p.noShowAgent === null) return null;
  return Math.max(0, p.booked - p.held - p.cancelled - p.noShowCitizen - p.noShowAgent);
}

/** Weekly (or monthly) stacked bars by what became of the consultations. */
export function StatusChart({ series, granularity }: { series: readonly Point[]; granularity: 'week' | 'month' }) {
  const { t } = useTranslation();
  const prefix = useId().replace(/:/g, '');
  const data = series.map((p) => ({ label: bucketLabel(p.start, granularity), held: p.held ?? 0, cancelled: p.cancelled ?? 0, noShowCitizen: p.noShowCitizen ?? 0, noShowAgent: p.noShowAgent ?? 0, other: otherOf(p) ?? 0 }));
  return (
    <>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <Patterns prefix={prefix} styles={STYLES} />
          <CartesianGrid vertical={false} stroke={DSFR.border} />
          <XAxis dataKey="label" tick={{ fill: DSFR.text, fontSize: 12 }} tickFormatter={(l: string) => l.replace('sem. du ', '').slice(0, granularity === 'week' ? 5 : 20)} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fill: DSFR.text, fontSize: 12 }} width={40} tickFormatter={(v: number) => formatNumber(v)} />
          <Tooltip formatter={(v) => formatNumber(Number(v))} />
          {STATUS_KEYS.map((key) => (
            <Bar key={key} dataKey={key} stackId="status" name={t(`stats.columns.${key}`)} fill={fillOf(prefix, key)} stroke={STYLES[key].color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <ChartLegend prefix={prefix} items={STATUS_KEYS.map((key) => ({ key, label: t(`stats.columns.${key}`), style: STYLES[key] }))} />
    </>
  );
}

/** The chart's figures: one row per bucket, one column per status (and the booked total). */
export function StatusTable({ series, granularity, show }: { series: readonly Point[]; granularity: 'week' | 'month'; show: (n: number | null) => string }) {
  const { t } = useTranslation();
  const columns = ['booked', 'held', 'cancelled', 'noShowCitizen', 'noShowAgent'] as const;
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('stats.columns.period')}</th>
          {columns.map((c) => (
            <th key={c} scope="col">
              {t(`stats.columns.${c}`)}
            </th>
          ))}
          <th scope="col">{t('stats.columns.other')}</th>
        </tr>
      </thead>
      <tbody>
        {series.map((p) => (
          <tr key={p.start} data-start={p.start}>
            <th scope="row">{bucketLabel(p.start, granularity)}</th>
            {columns.map((c) => (
              <td key={c} data-column={c}>
                {show(p[c])}
              </td>
            ))}
            <td data-column="other">{show(otherOf(p))}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}
