import { useTranslation } from 'react-i18next';
import { parisDayRange } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { listConsultations } from '../../../lib/consultations';
import { listSites } from '../../../lib/directory';
import { ActivityExport } from '../../../components/activity-export';
import { CoordinatorNav } from '../../../components/coordinator-nav';

export function CoordinatorHome() {
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
