import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayField } from './form-fields';
import { query } from '../lib/api';
import { addDays, todayInParis } from '../lib/paris-time';

/**
 * A site's support activity over a period, to take into the digital-mediation activity record
 * (La Coop de la médiation numérique) without typing it twice: a CSV for a spreadsheet, or JSON.
 * A facilitator's site is their own; a coordinator picks one of theirs (`sites`).
 */
export function ActivityExport({ sites }: { sites?: ReadonlyArray<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const today = todayInParis();
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [siteId, setSiteId] = useState('');
  const valid = from !== '' && to !== '' && from <= to && (!sites || siteId !== '');
  const href = (format: 'csv' | 'json') => `/api/support-activity${query({ siteId: siteId || undefined, from, to, format })}`;
  return (
    <section aria-labelledby="export-title" className="fr-mb-4w">
      <h2 id="export-title" className="fr-h5">
        {t('desk.export.title')}
      </h2>
      <p className="fr-text--sm">{t('desk.export.intro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        {sites && (
          <div className="fr-col-12 fr-col-md-6">
            <Select label={t('desk.export.site')} nativeSelectProps={{ value: siteId, onChange: (e) => setSiteId(e.target.value) }}>
              <option value="">{t('desk.export.chooseSite')}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
          <DayField label={t('desk.export.from')} value={from} onChange={setFrom} />
        </div>
        <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
          <DayField label={t('desk.export.to')} value={to} onChange={setTo} error={from !== '' && to !== '' && from > to ? t('desk.export.invalid') : undefined} />
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
