import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { INDICATOR_SECTIONS, type IndicatorId, type PublicStatsReport } from '@shared/stats/indicators';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { describeError } from '../../../lib/api-errors';
import { todayInParis, whenLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { getPublicStats } from '../api/publications';
import { dayShort, formatNumber, formatValue } from '../format';
import { seriesTotals, statusReading } from '../reading';
import { ChartFigure } from './ChartFigure';
import { IndicatorTable } from './IndicatorTable';
import { StatusChart, StatusTable } from './StatusChart';
import './stats.css';

/** The years a public page offers: this one and the four before it. */
const YEARS_SHOWN = 5;

/**
 * A département's published results, for anyone (no sign-in): aggregated figures only, the small
 * counts withheld by the server (statistical secrecy) and said so, never shown as zero.
 */
export function PublicStatsPage() {
  const { t } = useTranslation();
  const { departement = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInParis().slice(0, 4));
  const asked = Number(params.get('annee'));
  const year = Number.isInteger(asked) && asked > 2000 && asked <= thisYear ? asked : thisYear;
  const [draft, setDraft] = useState(String(year));
  const report = useApi(() => getPublicStats(departement, year).then((r) => ({ year, r })), [departement, year]);
  const data = report.data?.year === year ? report.data.r : null;
  const notPublished = report.error instanceof ApiError && report.error.status === 404;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ annee: draft });
  };

  return (
    <div className="fr-container fr-my-4w stats-page">
      <h1>{t('stats.public.title', { departement })}</h1>
      <p>{t('stats.public.intro')}</p>
      <form onSubmit={submit} className="fr-mb-4w stats-year" aria-label={t('stats.public.year')}>
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-8 fr-col-sm-4 fr-col-md-3">
            <Select label={t('stats.public.year')} nativeSelectProps={{ value: draft, onChange: (e) => setDraft(e.target.value) }}>
              {Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-4 fr-col-sm-4">
            <Button type="submit" className="fr-mb-3v">
              {t('stats.public.showYear')}
            </Button>
          </div>
        </div>
      </form>
      {notPublished && (
        <div className="fr-alert fr-alert--info fr-mb-3w">
          <p>{t('stats.public.notPublished')}</p>
        </div>
      )}
      {report.error && !notPublished ? (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{describeError(t, report.error, 'stats.fieldNames').summary}</p>
        </div>
      ) : null}
      {!data && !report.error && <p role="status">{t('stats.loading')}</p>}
      {data && <PublicReport report={data} year={year} />}
      <p>
        <Link className="fr-link" to="/statistiques">
          {t('stats.public.all')}
        </Link>
      </p>
    </div>
  );
}

function PublicReport({ report, year }: { report: PublicStatsReport; year: number }) {
  const { t } = useTranslation();
  const withheld = new Set<IndicatorId>(report.suppressed);
  const secret = t('stats.public.suppressed');
  const show = (id: IndicatorId, text: string) => (withheld.has(id) ? secret : text);
  const { period } = report;
  const granularity = t(`stats.granularity.${period.granularity}`);
  // The reading sums the buckets shown; a withheld one makes it say nothing rather than something false.
  const totals = seriesTotals(report.series);
  const { booked, held, cancelled } = report.values;
  const reading = totals ? statusReading(totals.booked, totals.held, totals.cancelled) : booked !== null && held !== null ? statusReading(booked, held, cancelled) : t('stats.public.tooFew', { n: formatNumber(report.minCount) });
  // Nothing to draw when every bar is withheld or empty: the sentence and the table say so.
  const drawable = report.series.some((p) => (p.booked ?? 0) > 0);
  return (
    <>
      <p className="fr-text--lg" data-testid="stats-period">
        {t('stats.public.computed', { year, from: dayShort(period.from), to: dayShort(period.to), at: whenLabel(report.computedAt) })}
      </p>
      <div className="fr-callout fr-mb-4w">
        <p className="fr-callout__text fr-text--md" data-testid="secrecy">
          {t('stats.public.secrecy', { n: formatNumber(report.minCount), max: formatNumber(report.minCount - 1) })}
        </p>
      </div>
      <ChartFigure
        testId="chart-status"
        title={t('stats.public.series', { granularity })}
        reading={reading}
        chart={drawable ? <StatusChart series={report.series} granularity={period.granularity} /> : null}
        table={<StatusTable series={report.series} granularity={period.granularity} show={(n) => (n === null ? secret : formatValue(n, 'count'))} />}
      />
      {INDICATOR_SECTIONS.map((section) => (
        <section key={section} className="fr-mb-5w" aria-labelledby={`public-${section}`}>
          <h2 id={`public-${section}`}>{t(`stats.sections.${section}`)}</h2>
          <IndicatorTable section={section} values={report.values} show={show} />
          {section === 'travel' && (
            <p className="fr-text--sm" data-testid="travel-method">
              {t('stats.travelMethod', { roadFactor: formatNumber(report.travel.roadFactor, 2), co2: formatNumber(report.travel.co2KgPerKm, 3), source: report.travel.source })}
            </p>
          )}
        </section>
      ))}
    </>
  );
}
