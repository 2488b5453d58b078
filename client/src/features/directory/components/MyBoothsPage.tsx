import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { FacilitatorNav } from '../../../components/facilitator-nav';
import { useApi } from '../../../lib/use-api';
import { listSiteRecords } from '../api/list-sites';
import { describeDirectoryError } from '../directory-errors';
import { SiteBooths } from './SiteBooths';

/**
 * A facilitator's booths: the names the citizens and agents see can be corrected here (for example
 * after moving a booth to another room). Adding and retiring booths is the prefecture's.
 */
export function MyBoothsPage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const sites = useApi(listSiteRecords, []);
  return (
    <div className="fr-container fr-my-4w">
      <FacilitatorNav />
      <h1>{t('directory.booths.mine')}</h1>
      <p>{t('directory.booths.mineIntro')}</p>
      {sites.error ? <ErrorSummary message={describeDirectoryError(t, sites.error).summary} /> : null}
      {sites.data && sites.data.length === 0 && <p>{t('directory.sites.none')}</p>}
      {sites.data?.map((site) => <SiteBooths key={site.id} site={site} canCreate={false} canRetire={false} headingLevel={2} />)}
      {children}
    </div>
  );
}
