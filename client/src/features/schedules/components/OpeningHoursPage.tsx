import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { ChoiceField } from '../../../components/form-fields';
import { listSites, type Site } from '../../../lib/directory';
import { addDays, dayLabel, mondayOf, parisInstant, todayInParis } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { getOpeningHours } from '../api/get-opening-hours';
import { listClosures } from '../api/list-closures';
import type { WeeklyRange } from '../api/types';
import { weekPreview } from '../week-preview';
import { draftMinutes, fromApi, type DraftRange } from '../weekly-draft';
import { ClosuresSection } from './ClosuresSection';
import { OpeningHoursSection } from './OpeningHoursSection';
import { WeekPreview } from './WeekPreview';

/** A France Services' opening hours and closures, for the coordinators of its département and the admins. */
export function OpeningHoursPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sites = useApi(listSites, []);
  const siteId = params.get('site') ?? '';
  const site = sites.data?.find((s) => s.id === siteId);
  // A coordinator with one France Services has nothing to choose.
  useEffect(() => {
    const only = sites.data?.length === 1 ? sites.data[0] : undefined;
    if (!siteId && only) setParams({ site: only.id }, { replace: true });
  }, [siteId, sites.data, setParams]);

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('schedules.hours.title')}</h1>
      <CoordinatorNav />
      <p>{t('schedules.hours.intro')}</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-6">
          <ChoiceField
            label={t('scheduling.fields.msap')}
            value={siteId}
            onChange={(id) => setParams(id ? { site: id } : {})}
            options={(sites.data ?? []).map((s) => ({ id: s.id, label: `${s.name} (${s.city})` }))}
            emptyLabel={t('scheduling.fields.choose')}
          />
        </div>
      </div>
      {!site && sites.data && <p>{t('schedules.hours.pickSite')}</p>}
      {site && <SiteSchedule key={site.id} site={site} />}
    </div>
  );
}

function SiteSchedule({ site }: { site: Site }) {
  const { t } = useTranslation();
  const hours = useApi(() => getOpeningHours(site.id), [site.id]);
  const [saved, setSaved] = useState<WeeklyRange[] | null>(null);
  const [draft, setDraft] = useState<DraftRange[]>([]);
  const [version, setVersion] = useState(0);
  const [monday, setMonday] = useState(mondayOf(todayInParis()));
  const weekClosures = useApi(() => listClosures(site.id, parisInstant(monday), parisInstant(addDays(monday, 7))), [site.id, monday, version]);
  useEffect(() => {
    if (hours.data) {
      setSaved(hours.data);
      setDraft(fromApi(hours.data));
    }
  }, [hours.data]);

  if (!saved) return <p>{t('schedules.loading')}</p>;
  const days = weekPreview(draftMinutes(draft), weekClosures.data ?? [], monday);
  return (
    <>
      <OpeningHoursSection siteId={site.id} siteName={site.name} saved={saved} onSaved={setSaved} draft={draft} onDraft={setDraft} />

      <section aria-labelledby="preview-title" className="fr-mb-6w">
        <h2 id="preview-title">{t('schedules.preview.heading')}</h2>
        <p>{t('schedules.preview.hint')}</p>
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <Button size="small" priority="secondary" onClick={() => setMonday(addDays(monday, -7))}>
              <span aria-hidden="true">←</span> {t('board.previous')}
            </Button>
          </li>
          <li>
            <Button size="small" priority="secondary" onClick={() => setMonday(mondayOf(todayInParis()))}>
              {t('board.thisWeek')}
            </Button>
          </li>
          <li>
            <Button size="small" priority="secondary" onClick={() => setMonday(addDays(monday, 7))}>
              {t('board.next')} <span aria-hidden="true">→</span>
            </Button>
          </li>
        </ul>
        <div role="status" aria-live="polite" className="fr-sr-only">
          {t('schedules.preview.caption', { from: dayLabel(monday), to: dayLabel(addDays(monday, 6)) })}
        </div>
        <WeekPreview days={days} caption={t('schedules.preview.caption', { from: dayLabel(monday), to: dayLabel(addDays(monday, 6)) })} />
      </section>

      <ClosuresSection siteId={site.id} departement={site.departement} version={version} onChanged={() => setVersion((v) => v + 1)} />
    </>
  );
}
