import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { describeError } from '../../../lib/api-errors';
import { stampLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { getRetention, RetentionRun } from '../api/get-retention';

const FIGURES = [
  'consultationsErased',
  'outboxErased',
  'absenceReasonsErased',
  'closureReasonsErased',
  'massCancellationMessagesErased',
  'surveyCommentsErased',
  'accountsPseudonymised',
  'auditEventsDeleted',
  'sessionsDeleted',
  'pairingCodesDeleted',
  'devicesDeleted',
] as const;

/** The retention policy in force (RGPD) and what the last sweeps erased, and when. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const status = useApi(getRetention, []);
  const policy = status.data?.policy;
  const last = status.data?.lastRun ?? null;
  return (
    <section className="fr-mt-6w" aria-labelledby="retention-title" data-testid="retention">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <ErrorSummary message={status.error ? describeError(t, status.error).summary : null} />
      {policy && (
        <>
          <ul data-testid="retention-policy">
            <li>{t('retention.policy.citizen', { count: policy.citizenDataDays, name: policy.erasedCitizenName })}</li>
            <li>{t('retention.policy.outbox', { count: policy.outboxDays })}</li>
            <li>{t('retention.policy.freeText', { count: policy.citizenDataDays, marker: policy.erasedText })}</li>
            <li>{t('retention.policy.accounts', { count: policy.disabledAccountDays, name: policy.erasedAccountName })}</li>
            <li>{t('retention.policy.audit', { count: policy.auditDays })}</li>
            <li>{t('retention.policy.sessions')}</li>
            <li>{t('retention.policy.devices', { count: policy.devicesDays, codes: policy.pairingCodesDays })}</li>
          </ul>
          <p>{policy.enabled ? t('retention.schedule', { count: policy.intervalMinutes }) : t('retention.disabled')}</p>
        </>
      )}
      {status.data && (
        <p data-testid="retention-last">
          {last ? t('retention.lastRun', { when: stampLabel(last.finishedAt) }) : t('retention.never')}
          {last?.error && ` ${t('retention.failed', { error: last.error })}`}
        </p>
      )}
      {status.data && status.data.recentRuns.length > 0 && (
        <div className="fr-table">
          <table data-testid="retention-runs">
            <caption>{t('retention.runs')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('retention.columns.when')}</th>
                {FIGURES.map((f) => (
                  <th scope="col" key={f}>
                    {t(`retention.columns.${f}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.data.recentRuns.map((run: RetentionRun) => (
                <tr key={run.id}>
                  <th scope="row">
                    {stampLabel(run.finishedAt)}
                    {run.error && ` — ${t('retention.failed', { error: run.error })}`}
                  </th>
                  {FIGURES.map((f) => (
                    <td key={f}>{run[f]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
