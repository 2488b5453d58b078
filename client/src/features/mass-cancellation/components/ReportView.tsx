import { Button } from '@codegouvfr/react-dsfr/Button';
import { useTranslation } from 'react-i18next';
import { displayPhone } from '@shared/sms/phone';
import { MassCancellationJob, MassCancellationReport } from '../api/types';

interface Props {
  job: MassCancellationJob;
  report: MassCancellationReport | null;
  onRestart(): void;
}

/** Progress bar while the job runs, then the figures and the citizens to call. */
export function ReportView({ job, report, onRestart }: Props) {
  const { t } = useTranslation();
  const done = report !== null;
  return (
    <section aria-labelledby="mass-progress">
      <h3 id="mass-progress">{t('massCancel.progress')}</h3>
      <progress id="mass-progress-bar" max={job.total} value={job.processed} aria-labelledby="mass-progress" style={{ width: '100%', height: '1.5rem' }} />
      <p role="status" aria-live="polite" data-testid="mass-progress-text">
        {t('massCancel.progressText', { processed: job.processed, total: job.total })} — {done ? t('massCancel.completed') : t('massCancel.running')}
      </p>
      <ul data-testid="mass-figures">
        <li>{t('massCancel.cancelledCount', { count: job.cancelled })}</li>
        {job.skipped > 0 && <li>{t('massCancel.skipped', { count: job.skipped })}</li>}
        <li>{t('massCancel.sent', { count: job.sent })}</li>
        <li>{t('massCancel.failed', { count: job.failed })}</li>
        {job.pending > 0 && <li>{t('massCancel.pending', { count: job.pending })}</li>}
        <li>{t('massCancel.noContact', { count: job.noContact })}</li>
      </ul>
      {report && (
        <>
          <h3>{t('massCancel.report')}</h3>
          {report.toCall.items.length === 0 ? (
            <p>{t('massCancel.toCallNone')}</p>
          ) : (
            <div className="fr-table">
              <table data-testid="to-call">
                <caption>{t('massCancel.toCall')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('massCancel.columns.citizen')}</th>
                    <th scope="col">{t('massCancel.columns.when')}</th>
                    <th scope="col">{t('massCancel.columns.place')}</th>
                    <th scope="col">{t('massCancel.columns.contact')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.toCall.items.map((item) => (
                    <tr key={item.consultationId}>
                      <th scope="row">{item.citizenName}</th>
                      <td>{item.when}</td>
                      <td>
                        {item.msapSiteName}, {item.boothName}
                      </td>
                      <td>
                        {t(`massCancel.reasons.${item.reason}`)}
                        {item.phone && (
                          <>
                            {' · '}
                            <a href={`tel:${item.phone}`}>{displayPhone(item.phone)}</a>
                          </>
                        )}
                        {item.landline && (
                          <>
                            {' · '}
                            <a href={`tel:${item.landline}`}>{t('landline.shown', { phone: displayPhone(item.landline) })}</a>
                          </>
                        )}
                        {item.email ? ` · ${item.email}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Button priority="secondary" onClick={onRestart}>
            {t('massCancel.restart')}
          </Button>
        </>
      )}
    </section>
  );
}
