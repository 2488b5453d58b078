import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { parisDayRange } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { listConsultations } from '../../../lib/consultations';
import { listSites } from '../../../lib/directory';
import { ActivityExport } from '../../../components/activity-export';
import { CoordinatorNav } from '../../../components/coordinator-nav';

/** `requests`: the citizens' callback requests of the département (another feature's, composed by the routes). */
export function CoordinatorHome({ requests }: { requests?: ReactNode }) {
  const { t } = useTranslation();
  const range = parisDayRange();
  const sites = useApi(listSites, []);
  const today = useApi(() => listConsultations(range.from, range.to), [range.from, range.to]);
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('coordinator.title')}</h1>
      <CoordinatorNav />
      <p>
        {t('coordinator.today')} : <strong>{today.data?.length ?? '…'}</strong>
      </p>
      {requests}
      <h2>{t('schedules.home.heading')}</h2>
      <ul>
        <li>
          <Link to="/coordination/horaires">{t('schedules.home.hours')}</Link>
        </li>
        <li>
          <Link to="/coordination/disponibilites">{t('schedules.home.availability')}</Link>
        </li>
        <li>
          <Link to="/coordination/types">{t('schedules.home.types')}</Link>
        </li>
      </ul>
      <h2>{t('coordinator.sites')}</h2>
      <ul>
        {sites.data?.map((s) => (
          <li key={s.id}>
            {s.name} ({s.city})
          </li>
        ))}
      </ul>
      {sites.data && sites.data.length > 0 && <ActivityExport sites={sites.data} />}
    </div>
  );
}
