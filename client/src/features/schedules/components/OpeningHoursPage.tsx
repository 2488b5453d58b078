import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ConfirmPanel } from '../../../components/confirm';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { ChoiceField } from '../../../components/form-fields';
import { listSites, type Site } from '../../../lib/directory';
import { addDays, dayLabel, parisInstant, todayInParis } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { getOpeningHours } from '../api/get-opening-hours';
import { listClosures } from '../api/list-closures';
import { siteBookingsToSettle } from '../api/site-bookings-to-settle';
import type { WeeklyRange } from '../api/types';
import { useBookingsToSettle } from '../hooks/use-bookings-to-settle';
import { useUnsavedGuard } from '../hooks/use-unsaved-guard';
import { weekPreview } from '../week-preview';
import { draftMinutes, fromApi, isUnsaved, type DraftRange } from '../weekly-draft';
import { BookingsToSettle } from './BookingsToSettle';
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
  // Unsaved hours of the site shown: choosing another one asks first (here, not in a browser dialog).
  const [dirty, setDirty] = useState(false);
  const [asked, setAsked] = useState<string | null>(null);
  const chooser = useRef<HTMLDivElement>(null);
  // A coordinator with one France Services has nothing to choose.
  useEffect(() => {
    const only = sites.data?.length === 1 ? sites.data[0] : undefined;
    if (!siteId && only) setParams({ site: only.id }, { replace: true });
  }, [siteId, sites.data, setParams]);

  const show = (id: string) => {
    setAsked(null);
    setDirty(false);
    setParams(id ? { site: id } : {});
  };
  const choose = (id: string) => {
    if (dirty && id !== siteId) setAsked(id);
    else show(id);
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('schedules.hours.title')}</h1>
      <CoordinatorNav />
      <p>{t('schedules.hours.intro')}</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-6" ref={chooser}>
          <ChoiceField
            label={t('scheduling.fields.msap')}
            value={siteId}
            onChange={choose}
            options={(sites.data ?? []).map((s) => ({ id: s.id, label: `${s.name} (${s.city})` }))}
            emptyLabel={t('scheduling.fields.choose')}
          />
        </div>
      </div>
      {asked !== null && site && (
        <ConfirmPanel
          question={t('schedules.hours.switchQuestion', { site: site.name })}
          detail={t('schedules.hours.switchDetail')}
          confirmLabel={t('schedules.hours.switchYes')}
          cancelLabel={t('schedules.hours.switchNo', { site: site.name })}
          onConfirm={() => show(asked)}
          onCancel={() => {
            setAsked(null);
            chooser.current?.querySelector('select')?.focus();
          }}
        />
      )}
      {!site && sites.data && <p>{t('schedules.hours.pickSite')}</p>}
      {site && <SiteSchedule key={site.id} site={site} onDirty={setDirty} />}
    </div>
  );
}

function SiteSchedule({ site, onDirty }: { site: Site; onDirty(dirty: boolean): void }) {
  const { t } = useTranslation();
  const hours = useApi(() => getOpeningHours(site.id), [site.id]);
  const [saved, setSaved] = useState<WeeklyRange[] | null>(null);
  const [draft, setDraft] = useState<DraftRange[]>([]);
  const [version, setVersion] = useState(0);
  // The preview starts today: the days that matter, not those gone since Monday.
  const [from, setFrom] = useState(todayInParis());
  const weekClosures = useApi(() => listClosures(site.id, parisInstant(from), parisInstant(addDays(from, 7))), [site.id, from, version]);
  const toSettle = useBookingsToSettle(() => siteBookingsToSettle(site.id), [site.id]);
  const { refresh } = toSettle;
  useEffect(() => {
    if (hours.data) {
      setSaved(hours.data);
      setDraft(fromApi(hours.data));
    }
  }, [hours.data]);
  const unsaved = saved !== null && isUnsaved(draft, saved);
  useEffect(() => onDirty(unsaved), [unsaved, onDirty]);
  useUnsavedGuard(unsaved, t('schedules.editor.leave'));
  const hoursSaved = useCallback(
    (stored: WeeklyRange[]) => {
      setSaved(stored);
      void refresh(true, t('schedules.hours.cancelReason'));
    },
    [refresh, t],
  );

  if (!saved) return <p>{t('schedules.loading')}</p>;
  const days = weekPreview(draftMinutes(draft), weekClosures.data ?? [], from);
  const caption = t('schedules.preview.caption', { from: dayLabel(from), to: dayLabel(addDays(from, 6)) });
  return (
    <>
      <BookingsToSettle
        state={toSettle.state}
        onSettled={toSettle.markSettled}
        heading={(count) => t('schedules.hours.toSettle', { count })}
        allDone={t('schedules.hours.allSettled')}
        cancelReason={t('schedules.hours.cancelReason')}
        cancelCause="site_closure"
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <OpeningHoursSection siteId={site.id} siteName={site.name} saved={saved} onSaved={hoursSaved} draft={draft} onDraft={setDraft} />
        </div>
        <div className="fr-col-12 fr-col-md-5">
          {/* Beside the hours on a wide screen, and kept in sight while they are edited. */}
          {/* Scrolls by itself when taller than the screen: reachable with the keyboard too (tabIndex). */}
          <section
            aria-labelledby="preview-title"
            className="fr-mt-md-4w fr-mb-6w"
            style={{ position: 'sticky', top: '1rem', maxHeight: 'calc(100vh - 2rem)', overflowY: 'auto' }}
            tabIndex={0}
          >
            <h2 id="preview-title">{t('schedules.preview.heading')}</h2>
            <p className="fr-text--sm">{t('schedules.preview.hint')}</p>
            <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
              <li>
                <Button size="small" priority="secondary" onClick={() => setFrom(addDays(from, -7))}>
                  <span aria-hidden="true">←</span> {t('schedules.preview.previous')}
                </Button>
              </li>
              <li>
                <Button size="small" priority="secondary" onClick={() => setFrom(todayInParis())}>
                  {t('schedules.preview.today')}
                </Button>
              </li>
              <li>
                <Button size="small" priority="secondary" onClick={() => setFrom(addDays(from, 7))}>
                  {t('schedules.preview.next')} <span aria-hidden="true">→</span>
                </Button>
              </li>
            </ul>
            <div role="status" aria-live="polite" className="fr-sr-only">
              {caption}
            </div>
            <WeekPreview days={days} caption={caption} />
          </section>
        </div>
      </div>

      <ClosuresSection
        siteId={site.id}
        departement={site.departement}
        version={version}
        onChanged={(kind) => {
          setVersion((v) => v + 1);
          void refresh(kind === 'added', t('schedules.closures.cancelReason'));
        }}
      />
    </>
  );
}
