import type { StatsQualityDistribution } from '@shared/stats/indicators';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatValue, percentOf } from '../format';
import { lossReading, qualityReading } from '../reading';
import { ChartFigure } from './ChartFigure';
import { DSFR } from './chart-style';

/** The measured calls by round-trip time and by packet loss (the server's buckets). */
export function QualityCharts({ quality }: { quality: StatsQualityDistribution }) {
  const { t } = useTranslation();
  const parts: Array<{ kind: 'rtt' | 'loss'; rows: Array<{ bucket: string; label: string; calls: number }> }> = [
    { kind: 'rtt', rows: quality.rtt.map((b) => ({ bucket: b.bucket, label: t(`stats.rttBuckets.${b.bucket}`), calls: b.calls })) },
    { kind: 'loss', rows: quality.loss.map((b) => ({ bucket: b.bucket, label: t(`stats.lossBuckets.${b.bucket}`), calls: b.calls })) },
  ];
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {parts.map(({ kind, rows }) => {
        const sum = rows.reduce((n, r) => n + r.calls, 0);
        return (
          <div key={kind} className="fr-col-12 fr-col-lg-6">
            <ChartFigure
              testId={`chart-${kind}`}
              title={t(`stats.charts.${kind}`)}
              reading={kind === 'rtt' ? qualityReading(quality) : lossReading(quality)}
              chart={
                sum > 0 && (
                  <ResponsiveContainer width="100%" height={200}>
                    <BarChart data={rows} accessibilityLayer={false} margin={{ top: 20, right: 8, bottom: 8, left: 0 }}>
                      <CartesianGrid vertical={false} stroke={DSFR.border} />
                      <XAxis dataKey="label" tick={{ fill: DSFR.text, fontSize: 11 }} interval={0} />
                      <YAxis allowDecimals={false} tick={{ fill: DSFR.text, fontSize: 12 }} width={32} />
                      <Bar dataKey="calls" fill={DSFR.cumulus} isAnimationActive={false}>
                        <LabelList dataKey="calls" position="top" fill={DSFR.text} fontSize={12} />
                      </Bar>
                    </BarChart>
                  </ResponsiveContainer>
                )
              }
              table={
                <>
                  <thead>
                    <tr>
                      <th scope="col">{t(`stats.columns.${kind}`)}</th>
                      <th scope="col">{t('stats.columns.calls')}</th>
                      <th scope="col">{t('stats.columns.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.bucket} data-bucket={r.bucket}>
                        <th scope="row">{r.label}</th>
                        <td data-column="calls">{formatValue(r.calls, 'count')}</td>
                        <td>{sum > 0 ? percentOf(r.calls, sum) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </>
              }
            />
          </div>
        );
      })}
    </div>
  );
}
