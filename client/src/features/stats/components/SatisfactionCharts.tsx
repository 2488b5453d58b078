import type { IndicatorValues, StatsSeriesPoint } from '@shared/stats/indicators';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketLabel, formatNumber, formatValue, percentOf } from '../format';
import { satisfactionReading, satisfactionTrendReading } from '../reading';
import { ChartFigure } from './ChartFigure';
import { ChartLegend, DSFR, fillOf, Patterns, SeriesStyle } from './chart-style';

const ANSWERS = ['good', 'medium', 'bad'] as const;
const ANSWER_STYLES: Record<(typeof ANSWERS)[number], SeriesStyle> = {
  good: { color: DSFR.green, pattern: 'solid' },
  medium: { color: DSFR.orange, pattern: 'dots' },
  bad: { color: DSFR.red, pattern: 'diagonal' },
};

/** The score over time (a line, a gap where nobody answered) and the distribution of the answers. */
export function SatisfactionCharts({ values, series, granularity, byAgent }: { values: IndicatorValues; series: readonly StatsSeriesPoint[]; granularity: 'week' | 'month'; byAgent: boolean }) {
  const { t } = useTranslation();
  const prefix = useId().replace(/:/g, '');
  const answered = series.some((p) => p.satisfactionScore !== null);
  const trend = series.map((p) => ({ label: bucketLabel(p.start, granularity), score: p.satisfactionScore }));
  const counts = ANSWERS.map((a) => ({ key: a, label: t(`stats.answers.${a}`), calls: values[`satisfaction_${a}`] ?? 0 }));
  const responses = counts.reduce((n, c) => n + c.calls, 0);
  return (
    <>
      <ChartFigure
        testId="chart-satisfaction-trend"
        title={t('stats.charts.satisfactionTrend')}
        // The survey is anonymous: figures for one agent have no satisfaction, and the page says why.
        reading={byAgent ? t('stats.anonymousSurvey') : satisfactionTrendReading(series, granularity)}
        chart={
          answered && (
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={trend} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid vertical={false} stroke={DSFR.border} />
                <XAxis dataKey="label" tick={{ fill: DSFR.text, fontSize: 12 }} tickFormatter={(l: string) => l.replace('sem. du ', '').slice(0, granularity === 'week' ? 5 : 20)} interval="preserveStartEnd" />
                <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fill: DSFR.text, fontSize: 12 }} width={32} />
                <Tooltip formatter={(v) => formatValue(Number(v), 'score')} />
                <Line type="monotone" dataKey="score" name={t('stats.columns.score')} stroke={DSFR.blue} strokeWidth={2} dot={{ r: 4, fill: DSFR.blue }} connectNulls={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          )
        }
        table={
          <>
            <thead>
              <tr>
                <th scope="col">{t('stats.columns.period')}</th>
                <th scope="col">{t('stats.columns.responses')}</th>
                <th scope="col">{t('stats.columns.score')}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.start} data-start={p.start}>
                  <th scope="row">{bucketLabel(p.start, granularity)}</th>
                  <td data-column="surveyResponses">{formatValue(p.surveyResponses, 'count')}</td>
                  <td data-column="satisfactionScore">{formatValue(p.satisfactionScore, 'score')}</td>
                </tr>
              ))}
            </tbody>
          </>
        }
      />
      <ChartFigure
        testId="chart-satisfaction-distribution"
        title={t('stats.charts.satisfactionDistribution')}
        reading={byAgent ? t('stats.anonymousSurvey') : satisfactionReading(values.satisfaction_score, values.survey_responses, values.satisfaction_good)}
        chart={
          responses > 0 && (
            <>
              <ResponsiveContainer width="100%" height={160}>
                <BarChart data={counts} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                  <Patterns prefix={prefix} styles={ANSWER_STYLES} />
                  <CartesianGrid horizontal={false} stroke={DSFR.border} />
                  <XAxis type="number" allowDecimals={false} tick={{ fill: DSFR.text, fontSize: 12 }} />
                  <YAxis type="category" dataKey="label" tick={{ fill: DSFR.text, fontSize: 12 }} width={90} />
                  <Tooltip formatter={(v) => formatNumber(Number(v))} />
                  <Bar dataKey="calls" name={t('stats.columns.responses')} isAnimationActive={false} shape={(props: unknown) => <PatternBar {...(props as BarShape)} prefix={prefix} />} />
                </BarChart>
              </ResponsiveContainer>
              <ChartLegend prefix={prefix} items={ANSWERS.map((a) => ({ key: a, label: t(`stats.answers.${a}`), style: ANSWER_STYLES[a] }))} />
            </>
          )
        }
        table={
          <>
            <thead>
              <tr>
                <th scope="col">{t('stats.columns.answer')}</th>
                <th scope="col">{t('stats.columns.responses')}</th>
                <th scope="col">{t('stats.columns.share')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.key} data-answer={c.key}>
                  <th scope="row">{c.label}</th>
                  <td data-column="count">{formatValue(values[`satisfaction_${c.key}`], 'count')}</td>
                  <td>{responses > 0 ? percentOf(c.calls, responses) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </>
        }
      />
    </>
  );
}

interface BarShape {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: { key: string };
}

/** Each answer's bar in its own colour and pattern. */
function PatternBar({ x, y, width, height, payload, prefix }: BarShape & { prefix: string }) {
  return <rect x={x} y={y} width={Math.max(0, width)} height={Math.max(0, height)} fill={fillOf(prefix, payload.key)} stroke={ANSWER_STYLES[payload.key as keyof typeof ANSWER_STYLES].color} />;
}
