import { EXPORT_TABLES, type StatsFilters } from '@shared/stats/indicators';
import { useTranslation } from 'react-i18next';
import { statsExportUrl } from '../api/export-url';

/** Downloads of the view on screen: each table as CSV, and the whole report as JSON. */
export function ExportLinks({ filters, granularity }: { filters: StatsFilters; granularity: 'week' | 'month' }) {
  const { t } = useTranslation();
  return (
    <section className="fr-mb-4w" aria-labelledby="stats-exports">
      <h2 id="stats-exports" className="fr-h6 fr-mb-1w">
        {t('stats.exports.title')}
      </h2>
      <p className="fr-hint-text fr-mb-1w">{t('stats.exports.hint')}</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
        {EXPORT_TABLES.map((table) => (
          <li key={table}>
            <a className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line" href={statsExportUrl(filters, 'csv', table)} download>
              {t(`stats.exports.${table}`, { granularity: t(`stats.granularity.${granularity}`) })}
            </a>
          </li>
        ))}
        <li>
          <a className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-download-line" href={statsExportUrl(filters, 'json', 'indicators')} download>
            {t('stats.exports.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}
