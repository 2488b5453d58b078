// The DSFR summary's stylesheet comes with this page only (not in app/dsfr-styles.ts: the booth never loads it).
import '@codegouvfr/react-dsfr/dsfr/component/summary/summary.main.min.css';
import { INDICATOR_SECTIONS, type IndicatorSection, type StatsReport } from '@shared/stats/indicators';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/api-errors';
import { whenLabel } from '../../../lib/paris-time';
import { useSession } from '../../../lib/session';
import { useApi } from '../../../lib/use-api';
import { getStats } from '../api/get-stats';
import { getStatsOptions } from '../api/get-stats-options';
import { dayShort, formatNumber, formatValue } from '../format';
import { useStatsFilters } from '../hooks/use-stats-filters';
import { sitesReading, statusReading } from '../reading';
import { ChartFigure } from './ChartFigure';
import { ExportLinks } from './ExportLinks';
import { IndicatorTable } from './IndicatorTable';
import { PublishToggle } from './PublishToggle';
import { QualityCharts } from './QualityCharts';
import { SatisfactionCharts } from './SatisfactionCharts';
import { SitesTable } from './SitesTable';
import { StatsFiltersForm } from './StatsFiltersForm';
import { StatusChart, StatusTable } from './StatusChart';
import './stats.css';

/**
 * « Statistiques » for coordinators, admins, facilitators and agents: what each may see is the
 * server's decision (the options it offers, the scope it applies); the page only displays figures
 * computed once by the server, each with its definition, plots that always have their table.
 */
export function StatsPage({ nav }: { nav?: ReactNode }) {
  const { t } = useTranslation();
  const { principal } = useSession();
  const [filters, apply] = useStatsFilters();
  const key = JSON.stringify(filters);
  const report = useApi(() => getStats(filters).then((r) => ({ key, r })), [key]);
  const options = useApi(getStatsOptions, []);
  const role = principal?.kind === 'user' ? principal.role : 'agent';
  const shownError = report.error ? describeError(t, report.error, 'stats.fieldNames') : null;
  // The figures on screen are those of the filters asked (not a previous answer while the next one loads).
  const data = report.data?.key === key ? report.data.r : null;

  return (
    <div className="fr-container fr-my-4w stats-page">
      <h1>{t('stats.title')}</h1>
      {nav}
      <p>{t(`stats.intro.${role}`)}</p>
      <StatsFiltersForm filters={filters} options={options.data} serverFields={shownError?.fields ?? {}} onApply={apply} />
      {role === 'coordinator' && principal?.kind === 'user' && principal.departement && <PublishToggle departement={principal.departement} />}
      {shownError && (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{shownError.summary}</p>
        </div>
      )}
      {!data && !shownError && (
        <p role="status" className="fr-mb-4w">
          {t('stats.loading')}
        </p>
      )}
      {data && <Report report={data} />}
    </div>
  );
}

function Report({ report }: { report: StatsReport }) {
  const { t } = useTranslation();
  const { period, values } = report;
  const granularity = t(`stats.granularity.${period.granularity}`);
  return (
    <>
      <p className="fr-text--lg fr-mb-2w" data-testid="stats-period">
        {t('stats.shown', { from: dayShort(period.from), to: dayShort(period.to), granularity, at: whenLabel(report.computedAt) })}
      </p>
      <ExportLinks filters={{ from: period.from, to: period.to, ...report.filters }} granularity={period.granularity} />
      <nav className="fr-summary fr-mb-4w" aria-labelledby="stats-summary">
        <p id="stats-summary" className="fr-summary__title">
          {t('stats.summary')}
        </p>
        <ol>
          {INDICATOR_SECTIONS.map((s) => (
            <li key={s}>
              <a className="fr-summary__link" href={`#stats-${s}`}>
                {t(`stats.sections.${s}`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {INDICATOR_SECTIONS.map((section) => (
        <section key={section} id={`stats-${section}`} className="fr-mb-6w" aria-labelledby={`stats-${section}-title`} tabIndex={-1}>
          <h2 id={`stats-${section}-title`}>{t(`stats.sections.${section}`)}</h2>
          <SectionPlots section={section} report={report} granularity={granularity} />
          <IndicatorTable section={section} values={values} />
          {section === 'travel' && (
            <p className="fr-text--sm" data-testid="travel-method">
              {t('stats.travelMethod', {
                roadFactor: formatNumber(report.travel.roadFactor, 2),
                co2: formatNumber(report.travel.co2KgPerKm, 3),
                source: report.travel.source,
              })}
            </p>
          )}
        </section>
      ))}
    </>
  );
}

function SectionPlots({ section, report, granularity }: { section: IndicatorSection; report: StatsReport; granularity: string }) {
  const { t } = useTranslation();
  const { values, series, period } = report;
  switch (section) {
    case 'activity':
      return (
        <>
          <ChartFigure
            testId="chart-status"
            title={t('stats.charts.status', { granularity })}
            reading={statusReading(values.booked, values.held, values.cancelled)}
            chart={values.booked ? <StatusChart series={series} granularity={period.granularity} /> : null}
            table={<StatusTable series={series} granularity={period.granularity} show={(n) => formatValue(n, 'count')} />}
          />
          <ChartFigure testId="chart-sites" title={t('stats.charts.sites')} reading={sitesReading(report.sites)} chart={null} table={<SitesTable sites={report.sites} granularity={period.granularity} />} />
        </>
      );
    case 'satisfaction':
      return <SatisfactionCharts values={values} series={series} granularity={period.granularity} byAgent={Boolean(report.filters.agentId)} />;
    case 'quality':
      return <QualityCharts quality={report.quality} />;
    default:
      return null;
  }
}
