import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayField } from '../../../components/form-fields';
import { query } from '../../../lib/api';
import { addDays, todayInParis } from '../../../lib/paris-time';

/**
 * The site's support activity over a period, to take into the digital-mediation activity record
 * (La Coop de la médiation numérique) without typing it twice: a CSV for a spreadsheet, or JSON.
 */
export function ActivityExport() {
  const { t } = useTranslation();
  const today = todayInParis();
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const valid = from !== '' && to !== '' && from <= to;
  const href = (format: 'csv' | 'json') => `/api/support-activity${query({ from, to, format })}`;
  return (
    <section aria-labelledby="export-title" className="fr-mb-4w">
      <h2 id="export-title" className="fr-h5">
        {t('desk.export.title')}
      </h2>
      <p className="fr-text--sm">{t('desk.export.intro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
          <DayField label={t('desk.export.from')} value={from} onChange={setFrom} />
        </div>
        <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
          <DayField label={t('desk.export.to')} value={to} onChange={setTo} error={valid ? undefined : t('desk.export.invalid')} />
        </div>
      </div>
      {valid && (
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <a className="fr-btn fr-btn--sm fr-btn--secondary" href={href('csv')} download data-testid="export-csv">
              {t('desk.export.csv')}
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--sm fr-btn--tertiary" href={href('json')} download={`activite-accompagnement-${from}-${to}.json`} data-testid="export-json">
              {t('desk.export.json')}
            </a>
          </li>
        </ul>
      )}
    </section>
  );
}
