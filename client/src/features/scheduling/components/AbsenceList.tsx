import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/api-errors';
import type { AgentSummary } from '../../../lib/directory';
import { addDays, parisInstant, parisNextDay, todayInParis } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { ConfirmButton } from '../../../components/confirm';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { ChoiceField, DayField } from '../../../components/form-fields';
import { dateWords, periodLabel } from '../absence-period';
import { getAbsenceImpact } from '../api/absence-impact';
import type { AbsenceImpact } from '../api/declare-absence';
import { deleteAbsence } from '../api/delete-absence';
import { AbsenceItem, listAbsences } from '../api/list-absences';
import { AffectedBookings } from './AffectedBookings';

/** Two months ahead by default: the absences a coordinator still has bookings to settle for. */
const DEFAULT_DAYS = 60;

/**
 * The absences of one agent or of every agent of the caller's scope over a period, each with how
 * many bookings it still hits (counted by the API, again as they are settled), those bookings on
 * demand, and a deletion asked twice. `version` changes when one is declared.
 */
export function AbsenceList({ agents, version }: { agents: AgentSummary[]; version: number }) {
  const { t } = useTranslation();
  const today = todayInParis();
  const [agentId, setAgentId] = useState('');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, DEFAULT_DAYS));
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [impact, setImpact] = useState<{ absence: AbsenceItem; data: AbsenceImpact } | null>(null);
  const impactHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (impact) impactHeading.current?.focus();
  }, [impact]);
  const list = useApi(
    () => (from && to ? listAbsences({ from: parisInstant(from), to: parisNextDay(to), agentId: agentId || undefined }) : Promise.resolve([] as AbsenceItem[])),
    [from, to, agentId, version],
  );
  const loadError = list.error ? describeError(t, list.error, 'absences.filterNames') : null;
  const period = (a: AbsenceItem) => periodLabel(t, a.startsAt, a.endsAt);

  const remove = async (a: AbsenceItem) => {
    setStatus(null);
    setFailure(null);
    try {
      await deleteAbsence(a.agentId, a.id);
      if (impact?.absence.id === a.id) setImpact(null);
      setStatus(t('absences.deleted', { agent: a.agentName, period: period(a) }));
      list.reload();
    } catch (err) {
      setFailure(describeError(t, err).summary);
    }
  };
  const showImpact = async (a: AbsenceItem) => {
    setFailure(null);
    try {
      setImpact({ absence: a, data: await getAbsenceImpact(a.agentId, a.id) });
    } catch (err) {
      setFailure(describeError(t, err).summary);
    }
  };

  return (
    <section aria-labelledby="absence-list">
      <h2 id="absence-list" className="fr-h4">
        {t('absences.listTitle')}
      </h2>
      <p>{t('absences.listIntro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <ChoiceField
            label={t('scheduling.fields.agent')}
            value={agentId}
            onChange={setAgentId}
            options={agents.map((a) => ({ id: a.id, label: a.displayName }))}
            emptyLabel={t('absences.allAgents')}
          />
        </div>
        <div className="fr-col-6 fr-col-lg-3">
          <DayField label={t('absences.listFrom')} value={from} onChange={setFrom} error={loadError?.fields.from} />
        </div>
        <div className="fr-col-6 fr-col-lg-3">
          <DayField label={t('absences.listTo')} value={to} onChange={setTo} error={loadError?.fields.to} />
        </div>
      </div>
      <ErrorSummary message={failure ?? loadError?.summary ?? null} />
      <StatusMessage message={status} />
      {!list.data && !list.error && <p>{t('absences.loading')}</p>}
      {list.data && list.data.length === 0 && <p>{t('absences.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <div className="fr-table fr-table--no-caption-md" data-testid="absence-table">
          <table>
            <caption>{t('absences.caption', { from: dateWords(from), to: dateWords(to) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('absences.columns.agent')}</th>
                <th scope="col">{t('absences.columns.period')}</th>
                <th scope="col">{t('absences.columns.reason')}</th>
                <th scope="col">{t('absences.columns.toSettle')}</th>
                <th scope="col">{t('absences.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <tr key={a.id} data-testid="absence-row">
                  <th scope="row">
                    {a.agentName}
                    <br />
                    <span className="fr-text--xs">{a.administrationName}</span>
                  </th>
                  <td>{period(a)}</td>
                  <td>{a.reason || t('absences.noReason')}</td>
                  <td data-testid="absence-to-settle">
                    {a.toSettle === 0 ? (
                      t('absences.settled')
                    ) : (
                      <Badge severity="warning" small>
                        {t('absences.toSettle', { count: a.toSettle })}
                      </Badge>
                    )}
                  </td>
                  <td>
                    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                      <li>
                        <button
                          type="button"
                          className="fr-btn fr-btn--sm fr-btn--secondary"
                          aria-label={t('absences.showImpactOf', { agent: a.agentName, period: period(a) })}
                          onClick={() => void showImpact(a)}
                        >
                          {t('absences.showImpact')}
                        </button>
                      </li>
                      <li>
                        <ConfirmButton
                          question={t('absences.deleteQuestion', { agent: a.agentName, period: period(a) })}
                          detail={t('absences.deleteDetail')}
                          confirmLabel={t('absences.deleteConfirm')}
                          cancelLabel={t('absences.deleteCancel')}
                          onConfirm={() => void remove(a)}
                        >
                          {(ask) => (
                            <button
                              type="button"
                              className="fr-btn fr-btn--sm fr-btn--tertiary"
                              aria-label={t('absences.deleteOf', { agent: a.agentName, period: period(a) })}
                              onClick={ask}
                            >
                              {t('absences.delete')}
                            </button>
                          )}
                        </ConfirmButton>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {impact && (
        <section className="fr-mt-4w" aria-labelledby="absence-impact">
          <h3 id="absence-impact" className="fr-h5" ref={impactHeading} tabIndex={-1}>
            {t('absences.impactTitle', { agent: impact.absence.agentName, period: period(impact.absence) })}
          </h3>
          <AffectedBookings key={impact.absence.id} affected={impact.data.affected} onSettled={list.reload} />
        </section>
      )}
    </section>
  );
}
