import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { dayMinutes, intersectMinutes, subtractMinutes, type WeeklyMinutes } from '@shared/scheduling/weekly-ranges';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { ChoiceField } from '../../../components/form-fields';
import { ApiError } from '../../../lib/api';
import { describeError } from '../../../lib/api-errors';
import { listAdministrations, listAgents, listSites, type AgentSummary } from '../../../lib/directory';
import { useApi } from '../../../lib/use-api';
import { availabilityImpact } from '../api/availability-impact';
import { getAvailability } from '../api/get-availability';
import { getOpeningHours } from '../api/get-opening-hours';
import { saveAvailability } from '../api/save-availability';
import type { WeeklyRange } from '../api/types';
import { useGuardedChange } from '../hooks/use-guarded-change';
import { draftMinutes, draftProblems, fromApi, pairsLabel, sameWeek, serverProblems, toApi, WEEKDAYS, type DraftProblems, type DraftRange } from '../weekly-draft';
import { AffectedBookings, ImpactReview } from './AffectedBookings';
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

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('schedules.availability.title')}</h1>
      <CoordinatorNav />
      <p>{t('schedules.availability.intro')}</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-6">
          <ChoiceField
            label={t('scheduling.fields.agent')}
            value={agentId}
            onChange={(id) => setParams(id ? { agent: id } : {})}
            options={(agents.data ?? []).map((a) => ({ id: a.id, label: a.title ? `${a.displayName} — ${a.title}` : a.displayName }))}
            emptyLabel={t('scheduling.fields.choose')}
          />
        </div>
      </div>
      {!agent && agents.data && <p>{t('schedules.availability.pickAgent')}</p>}
      {agent && <AgentAvailability key={agent.id} agent={agent} />}
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

function AgentAvailability({ agent }: { agent: AgentSummary }) {
  const { t } = useTranslation();
  const stored = useApi(() => getAvailability(agent.id), [agent.id]);
  const departement = useDepartementOpening(agent.administrationId);
  const [saved, setSaved] = useState<WeeklyRange[] | null>(null);
  const [draft, setDraft] = useState<DraftRange[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<DraftProblems>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const guarded = useGuardedChange();
  useEffect(() => {
    if (stored.data) {
      setSaved(stored.data);
      setDraft(fromApi(stored.data));
    }
  }, [stored.data]);

  if (!saved || !departement.data) return <p>{t('schedules.loading')}</p>;
  const opening = departement.data.opening;
  const live = draftProblems(draft, opening);
  const shown: DraftProblems = { ...server, ...Object.fromEntries(Object.entries(live).filter(([, p]) => submitted || p.code !== 'REQUIRED')) };
  const unsaved = !sameWeek(toApi(draft.filter((r) => r.start && r.end)), saved) || draft.some((r) => !r.start || !r.end);

  const edit = (next: DraftRange[]) => {
    setDraft(next);
    setServer({});
    setSummary(null);
    setDone(null);
    if (guarded.step.kind === 'review' || guarded.step.kind === 'saved') guarded.reset();
  };
  const fail = (err: unknown) => {
    setServer(serverProblems(draft, err instanceof ApiError ? err.fields : undefined));
    setSummary(describeError(t, err, 'schedules.fieldNames').summary);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setDone(null);
    const problems = Object.keys(live).length;
    if (problems > 0) {
      setSummary(t('schedules.editor.toFix', { count: problems }));
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
        },
      );
    } catch (err) {
      fail(err);
    }
  };
  const step = guarded.step;

  return (
    <>
      <section aria-labelledby="availability-title" className="fr-mt-4w fr-mb-6w">
        <h2 id="availability-title">{t('schedules.availability.heading', { agent: agent.displayName })}</h2>
        <p>{t('schedules.availability.hint')}</p>
        {departement.data.sites === 0 && <p className="fr-text--sm">{t('schedules.availability.noSite')}</p>}
        <ErrorSummary message={summary} />
        <form onSubmit={(e) => void submit(e)} noValidate>
          <WeeklyRangesEditor id="availability" draft={draft} onChange={edit} problems={shown} emptyDay={t('schedules.availability.emptyDay')} />
          <ul className="fr-btns-group fr-btns-group--inline fr-mt-3w">
            <li>
              <Button type="submit" disabled={step.kind === 'busy' || step.kind === 'review'}>
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
            onCancel={guarded.reset}
            busy={false}
          />
        )}
        <StatusMessage message={done} testId="availability-saved" />
        {step.kind === 'saved' && step.impact.total > 0 && <AffectedBookings impact={step.impact} cancelReason={t('schedules.availability.cancelReason')} />}
      </section>
      <section aria-labelledby="availability-preview-title" className="fr-mb-6w">
        <h2 id="availability-preview-title">{t('schedules.availability.previewHeading')}</h2>
        <p>{t('schedules.availability.previewHint')}</p>
        <AvailabilityPreview availability={draftMinutes(draft)} opening={opening} />
      </section>
    </>
  );
}

/** Day by day: the agent's hours, when at least one France Services opens, and what can be booked (both). */
function AvailabilityPreview({ availability, opening }: { availability: WeeklyMinutes[]; opening: WeeklyMinutes[] }) {
  const { t } = useTranslation();
  return (
    <div className="fr-table fr-table--bordered">
      <table data-testid="availability-preview">
        <caption>{t('schedules.availability.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedules.preview.day')}</th>
            <th scope="col">{t('schedules.availability.available')}</th>
            <th scope="col">{t('schedules.availability.open')}</th>
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
                <td>{mine.length > 0 ? pairsLabel(mine) : '—'}</td>
                <td>{open.length > 0 ? pairsLabel(open) : t('schedules.preview.closed')}</td>
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
