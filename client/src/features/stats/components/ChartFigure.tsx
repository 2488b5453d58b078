import { ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A plot as the issue asks for it: a title, one sentence saying what it shows, the chart (hidden from
 * screen readers, which get the sentence and the table), and right below it the data table.
 */
export function ChartFigure({ title, reading, chart, table, testId }: { title: string; reading: string; chart: ReactNode; table: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="stats-figure fr-mb-5w" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} className="fr-h5 fr-mb-1w">
        {title}
      </h3>
      <p className="stats-reading fr-mb-2w" data-testid={`${testId}-reading`}>
        {reading}
      </p>
      {chart && (
        <div className="stats-chart" aria-hidden="true">
          {chart}
        </div>
      )}
      <div className="fr-table fr-table--bordered fr-mb-0 stats-table">
        <table data-testid={`${testId}-table`}>
          <caption className="fr-sr-only">{t('stats.dataTable', { title })}</caption>
          {table}
        </table>
      </div>
    </section>
  );
}
