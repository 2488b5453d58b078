import type { StatsSiteRow } from '@shared/stats/indicators';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatValue } from '../format';
import { Sparkline } from './Sparkline';

/** One row per France Services of the scope (a map-free view), with the trend of its held consultations. */
export function SitesTable({ sites, granularity }: { sites: readonly StatsSiteRow[]; granularity: 'week' | 'month' }) {
  const { t } = useTranslation();
  const unit = t(`stats.granularity.${granularity}`);
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('stats.columns.site')}</th>
          <th scope="col">{t('stats.columns.booked')}</th>
          <th scope="col">{t('stats.columns.held')}</th>
          <th scope="col">{t('stats.columns.cancelled')}</th>
          <th scope="col">{t('stats.columns.occupancy')}</th>
          <th scope="col">{t('stats.columns.satisfaction')}</th>
          <th scope="col">{t('stats.columns.trend')}</th>
        </tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={s.siteId} data-site={s.siteId}>
            <th scope="row">
              {s.name} <span className="fr-hint-text">({s.departement})</span>
            </th>
            <td data-column="booked">{formatValue(s.booked, 'count')}</td>
            <td data-column="held">{formatValue(s.held, 'count')}</td>
            <td data-column="cancelled">{formatValue(s.cancelled, 'count')}</td>
            <td data-column="occupancyHeld">{formatValue(s.occupancyHeld, 'percent')}</td>
            <td data-column="satisfactionScore">{formatValue(s.satisfactionScore, 'score')}</td>
            <td>
              <Sparkline values={s.heldSeries} label={t('stats.trendLabel', { granularity: unit, values: s.heldSeries.map((n) => formatNumber(n)).join(', ') })} />
            </td>
          </tr>
        ))}
      </tbody>
    </>
  );
}
