import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { dayMinutes, intersectMinutes, subtractMinutes, type WeeklyMinutes } from '@shared/scheduling/weekly-ranges';
import { ConfirmPanel } from '../../../components/confirm';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { StatusMessage } from '../../../components/error-summary';
import { ChoiceField } from '../../../components/form-fields';
import { ApiError } from '../../../lib/api';
import { listAdministrations, listAgents, listSites, type AgentSummary } from '../../../lib/directory';
import { useApi } from '../../../lib/use-api';
import { agentBookingsToSettle } from '../api/agent-bookings-to-settle';
import { availabilityImpact } from '../api/availability-impact';
import { getAvailability } from '../api/get-availability';
import { getOpeningHours } from '../api/get-opening-hours';
import { saveAvailability } from '../api/save-availability';
import type { WeeklyRange } from '../api/types';
import { useBookingsToSettle } from '../hooks/use-bookings-to-settle';
import { useFocusLater } from '../hooks/use-focus-later';
import { useGuardedChange } from '../hooks/use-guarded-change';
import { useUnsavedGuard } from '../hooks/use-unsaved-guard';
import { rangeLines, refusalSummary } from '../range-summary';
import { draftMinutes, draftProblems, fromApi, isUnsaved, pairsLabel, serverProblems, toApi, WEEKDAYS, type DraftProblems, type DraftRange } from '../weekly-draft';
import { ImpactReview } from './AffectedBookings';
import { BookingsToSettle } from './BookingsToSettle';
import { ProblemSummary, type SummaryLine } from './ProblemSummary';
import { TimeBar } from './TimeBar';
import { WeeklyRangesEditor } from './WeeklyRangesEditor';

const toMinutes = (ranges: readonly WeeklyRange[]): WeeklyMinutes[] => draftMinutes(fromApi(ranges));

/** Each agent's weekly availability, for the coordinators of the agent's département and the admins. */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const agents = useApi(() => listAgents(), []);
  const agentId = params.get('agent') ?? '';
  const agent = agents.data?.find((a) => a.id === agentId);
  // Unsaved hours of the agent shown: choosing another one asks first (here, not in a browser dialog).
  const [dirty, setDirty] = useState(false);
  const [asked, setAsked] = useState<string | null>(null);
  const chooser = useRef<HTMLDivElement>(null);
  const show = (id: string) => {
    setAsked(null);
    setDirty(false);
    setParams(id ? { agent: id } : {});
  };
  const choose = (id: string) => {
    if (dirty && id !== agentId) setAsked(id);
    else show(id);
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('schedules.availability.title')}</h1>
      <CoordinatorNav />
      <p>{t('schedules.availability.intro')}</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-6" ref={chooser}>
          <ChoiceField
            label={t('scheduling.fields.agent')}
            value={agentId}
            onChange={choose}
            options={(agents.data ?? []).map((a) => ({ id: a.id, label: a.title ? `${a.displayName} — ${a.title}` : a.displayName }))}
            emptyLabel={t('scheduling.fields.choose')}
          />
        </div>
      </div>
      {asked !== null && agent && (
        <ConfirmPanel
          question={t('schedules.availability.switchQuestion', { agent: agent.displayName })}
          detail={t('schedules.availability.switchDetail')}
          confirmLabel={t('schedules.availability.switchYes')}
          cancelLabel={t('schedules.availability.switchNo', { agent: agent.displayName })}
          onConfirm={() => show(asked)}
          onCancel={() => {
            setAsked(null);
            chooser.current?.querySelector('select')?.focus();
          }}
        />
      )}
      {!agent && agents.data && <p>{t('schedules.availability.pickAgent')}</p>}
      {agent && <AgentAvailability key={agent.id} agent={agent} onDirty={setDirty} />}
    </div>
  );
}

/** The opening hours of every France Services of the agent's département: where the agent can be booked. */
function useDepartementOpening(administrationId: string) {
  return useApi(async () => {
    const [administrations, sites] = await Promise.all([listAdministrations(), listSites()]);
    const departement = administrations.find((a) => a.id === administrationId)?.departement;
    const served = sites.filter((s) => s.departement === departement);
    const hours = await Promise.all(served.map((s) => getOpeningHours(s.id)));
    return { sites: served.length, opening: hours.flatMap(toMinutes) };
  }, [administrationId]);
}

const EDITOR = 'availability';

function AgentAvailability({ agent, onDirty }: { agent: AgentSummary; onDirty(dirty: boolean): void }) {
  const { t } = useTranslation();
  const stored = useApi(() => getAvailability(agent.id), [agent.id]);
  const departement = useDepartementOpening(agent.administrationId);
  const [saved, setSaved] = useState<WeeklyRange[] | null>(null);
  const [draft, setDraft] = useState<DraftRange[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<DraftProblems>({});
  const [summary, setSummary] = useState<{ lead: string; lines: SummaryLine[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const guarded = useGuardedChange();
  const focusLater = useFocusLater();
  const toSettle = useBookingsToSettle(() => agentBookingsToSettle(agent.id), [agent.id]);
  const { refresh } = toSettle;
  useEffect(() => {
    if (stored.data) {
      setSaved(stored.data);
      setDraft(fromApi(stored.data));
    }
  }, [stored.data]);
  const unsaved = saved !== null && isUnsaved(draft, saved);
  useEffect(() => onDirty(unsaved), [unsaved, onDirty]);
  useUnsavedGuard(unsaved, t('schedules.editor.leave'));

  if (!saved || !departement.data) return <p>{t('schedules.loading')}</p>;
  const opening = departement.data.opening;
  const live = draftProblems(draft, opening);
  const shown: DraftProblems = { ...server, ...Object.fromEntries(Object.entries(live).filter(([, p]) => submitted || p.code !== 'REQUIRED')) };

  const edit = (next: DraftRange[]) => {
    setDraft(next);
    setServer({});
    setSummary(null);
    setDone(null);
    if (guarded.step.kind === 'review' || guarded.step.kind === 'saved') guarded.reset();
  };
  const fail = (err: unknown) => {
    setServer(serverProblems(draft, err instanceof ApiError ? err.fields : undefined));
    setSummary(refusalSummary(t, EDITOR, draft, err));
    setAttempt((n) => n + 1);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setDone(null);
    setAttempt((n) => n + 1);
    const problems = Object.keys(live).length;
    if (problems > 0) {
      setSummary({ lead: t('schedules.editor.toFix', { count: problems }), lines: rangeLines(t, EDITOR, draft, live) });
      return;
    }
    setSummary(null);
    const ranges = toApi(draft);
    try {
      await guarded.submit(
        () => availabilityImpact(agent.id, ranges),
        async () => {
          const next = await saveAvailability(agent.id, ranges);
          setSaved(next);
          setDraft(fromApi(next));
          setSubmitted(false);
          setDone(t('schedules.availability.saved', { agent: agent.displayName }));
          void refresh(true);
        },
      );
    } catch (err) {
      fail(err);
    }
  };
  const step = guarded.step;

  return (
    <>
      <BookingsToSettle
        state={toSettle.state}
        onSettled={toSettle.markSettled}
        heading={(count) => t('schedules.availability.toSettle', { count })}
        allDone={t('schedules.availability.allSettled')}
        cancelReason={t('schedules.availability.cancelReason')}
        cancelCause="agent_absence"
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <section aria-labelledby="availability-title" className="fr-mt-4w fr-mb-6w">
            <h2 id="availability-title">{t('schedules.availability.heading', { agent: agent.displayName })}</h2>
            <p>{t('schedules.availability.hint')}</p>
            {departement.data.sites === 0 && <p className="fr-text--sm">{t('schedules.availability.noSite')}</p>}
            <ProblemSummary lead={summary?.lead ?? null} lines={summary?.lines ?? []} attempt={attempt} />
            <form onSubmit={(e) => void submit(e)} noValidate>
              <WeeklyRangesEditor id={EDITOR} draft={draft} onChange={edit} problems={shown} emptyDay={t('schedules.availability.emptyDay')} />
              <ul className="fr-btns-group fr-btns-group--inline fr-mt-3w">
                <li>
                  <Button type="submit" disabled={step.kind === 'busy' || step.kind === 'review'} nativeButtonProps={{ id: `${EDITOR}-save` }}>
                    {t('schedules.availability.save')}
                  </Button>
                </li>
                <li>
                  <Button type="button" priority="secondary" disabled={!unsaved || step.kind === 'busy'} onClick={() => edit(fromApi(saved))}>
                    {t('schedules.editor.revert')}
                  </Button>
                </li>
              </ul>
              {unsaved && <p className="fr-text--sm fr-mb-0" data-testid="unsaved">{t('schedules.editor.unsaved')}</p>}
            </form>
            {step.kind === 'review' && (
              <ImpactReview
                impact={step.impact}
                question={t('schedules.availability.reviewQuestion', { count: step.impact.total })}
                onConfirm={() => void guarded.confirm().catch(fail)}
                onCancel={() => {
                  guarded.reset();
                  focusLater(`${EDITOR}-save`);
                }}
                busy={false}
              />
            )}
            <StatusMessage message={done} testId="availability-saved" />
          </section>
        </div>
        <div className="fr-col-12 fr-col-md-5">
          {/* Beside the hours on a wide screen, and kept in sight while they are edited. */}
          <section
            aria-labelledby="availability-preview-title"
            className="fr-mt-md-4w fr-mb-6w"
            style={{ position: 'sticky', top: '1rem', maxHeight: 'calc(100vh - 2rem)', overflowY: 'auto' }}
            // Scrolls by itself when taller than the screen: reachable with the keyboard too.
            tabIndex={0}
          >
            <h2 id="availability-preview-title">{t('schedules.availability.previewHeading')}</h2>
            <p className="fr-text--sm">{t('schedules.availability.previewHint')}</p>
            <AvailabilityPreview availability={draftMinutes(draft)} opening={opening} />
          </section>
        </div>
      </div>
    </>
  );
}

/**
 * Day by day, what can be booked: the agent's hours when at least one France Services opens, with
 * the hours lost to none being open. Two columns, so that it fits beside the form it previews.
 */
function AvailabilityPreview({ availability, opening }: { availability: WeeklyMinutes[]; opening: WeeklyMinutes[] }) {
  const { t } = useTranslation();
  return (
    <div className="fr-table fr-table--bordered fr-table--no-caption">
      <table data-testid="availability-preview">
        <caption>{t('schedules.availability.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedules.preview.day')}</th>
            <th scope="col">{t('schedules.availability.offered')}</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday) => {
            const mine = dayMinutes(availability, weekday);
            const open = dayMinutes(opening, weekday);
            const offered = intersectMinutes(mine, open);
            const lost = subtractMinutes(mine, open);
            const note = mine.length === 0 ? null : open.length === 0 ? t('schedules.availability.noneOpen') : lost.length > 0 ? t('schedules.availability.partly', { hours: pairsLabel(lost) }) : null;
            return (
              <tr key={weekday}>
                <th scope="row">{t(`schedules.weekdays.${weekday}`)}</th>
                <td>
                  <strong>{offered.length > 0 ? pairsLabel(offered) : '—'}</strong>
                  {note && <span className="fr-text--xs fr-mb-0 fr-hint-text">{note}</span>}
                  <TimeBar filled={offered} hatched={lost} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
