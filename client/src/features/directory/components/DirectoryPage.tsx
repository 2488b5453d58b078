import { Button } from '@codegouvfr/react-dsfr/Button';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { useSession } from '../../../lib/session';
import { useApi } from '../../../lib/use-api';
import { createSite } from '../api/create-site';
import { listSiteRecords } from '../api/list-sites';
import { SiteRecord } from '../api/types';
import { updateSite } from '../api/update-site';
import { describeDirectoryError } from '../directory-errors';
import { AdministrationsSection } from './AdministrationsSection';
import { SiteBooths } from './SiteBooths';
import { PositionText } from './CoordinateFields';
import { SiteForm } from './SiteForm';
import { displayPhone } from '@shared/sms/phone';

/**
 * "Annuaire": the administrations, MSAP sites and booths in the caller's scope. Admins manage
 * everything; coordinators the sites and booths of their département (administrations read-only).
 */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const role = principal?.kind === 'user' ? principal.role : null;
  const isAdmin = role === 'admin';
  const fixedDepartement = !isAdmin && principal?.kind === 'user' ? (principal.departement ?? '') : null;
  const sites = useApi(listSiteRecords, []);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('directory.title')}</h1>
      <CoordinatorNav />
      <p>{t('directory.intro')}</p>
      <AdministrationsSection canEdit={isAdmin} />

      <section aria-labelledby="directory-sites">
        <h2 id="directory-sites">{t('directory.sites.title')}</h2>
        <StatusMessage message={status} focus />
        {sites.error ? <ErrorSummary message={describeDirectoryError(t, sites.error).summary} /> : null}
        {sites.data && sites.data.length === 0 && <p>{t('directory.sites.none')}</p>}
        {sites.data?.map((site) => (
          <SiteCard
            key={site.id}
            site={site}
            fixedDepartement={fixedDepartement}
            onSaved={(name) => {
              setStatus(t('directory.sites.updated', { name }));
              sites.reload();
            }}
          />
        ))}
        <h3 className="fr-h5 fr-mt-4w">{t('directory.sites.add')}</h3>
        <SiteForm
          idPrefix="new-site"
          fixedDepartement={fixedDepartement}
          submitLabel={t('directory.sites.create')}
          save={async (input) => {
            const created = await createSite(input);
            setStatus(t('directory.sites.created', { name: created.name }));
            sites.reload();
          }}
        />
      </section>
    </div>
  );
}

function SiteCard({ site, fixedDepartement, onSaved }: { site: SiteRecord; fixedDepartement: string | null; onSaved(name: string): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = `site-${site.id}`;
  return (
    <article aria-labelledby={titleId} className="fr-p-3w fr-mb-3w fr-background-alt--grey" data-testid={`site-${site.name}`}>
      <h3 id={titleId} className="fr-h5 fr-mb-1w">
        {site.name}
      </h3>
      <p className="fr-text--sm fr-mb-1w">
        {site.address}, {site.postalCode} {site.city} ({site.departement})
        {site.phone && <> · {displayPhone(site.phone)}</>}
        <br />
        <PositionText latitude={site.latitude} longitude={site.longitude} />
      </p>
      {editing ? (
        <>
          <h4 className="fr-h6">{t('directory.sites.editTitle', { name: site.name })}</h4>
          <SiteForm
            idPrefix={`site-${site.id}`}
            initial={{
              name: site.name,
              address: site.address,
              postalCode: site.postalCode,
              city: site.city,
              departement: site.departement,
              phone: site.phone,
              latitude: site.latitude,
              longitude: site.longitude,
            }}
            fixedDepartement={fixedDepartement}
            submitLabel={t('directory.save')}
            onCancel={() => {
              setEditing(false);
              setTimeout(() => opener.current?.focus(), 0);
            }}
            save={async (input) => {
              const saved = await updateSite(site.id, input);
              setEditing(false);
              onSaved(saved.name);
            }}
          />
        </>
      ) : (
        <Button
          ref={opener}
          size="small"
          priority="secondary"
          nativeButtonProps={{ 'aria-label': t('directory.sites.editAria', { name: site.name }) }}
          onClick={() => setEditing(true)}
        >
          {t('directory.sites.edit')}
        </Button>
      )}
      <SiteBooths site={site} canCreate canRetire />
    </article>
  );
}
