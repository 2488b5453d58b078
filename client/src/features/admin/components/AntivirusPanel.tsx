import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { describeError } from '../../../lib/api-errors';
import { stampLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { getDocumentsStatus } from '../api/get-documents-status';

/**
 * The antivirus every document goes through, as an operator needs to see it: running or not,
 * which signatures (and how old), the documents waiting for it, the limits in force. Test-only
 * signatures are said loudly: they protect against nothing.
 */
export function AntivirusPanel() {
  const { t } = useTranslation();
  const status = useApi(getDocumentsStatus, []);
  const a = status.data?.antivirus;
  const signatures = a?.signatures ?? null;
  return (
    <section className="fr-mt-6w" aria-labelledby="antivirus-title" data-testid="antivirus">
      <h2 id="antivirus-title">{t('antivirus.title')}</h2>
      <ErrorSummary message={status.error ? describeError(t, status.error).summary : null} />
      {a && (
        <>
          {signatures?.kind === 'test-only' && (
            <Alert severity="warning" title={t('antivirus.testOnlyTitle')} description={t('antivirus.testOnly')} className="fr-mb-2w" />
          )}
          {(a.state === 'unavailable' || a.state === 'not_installed') && (
            <Alert severity="error" title={t(`antivirus.state.${a.state}`)} description={t('antivirus.waitingHint')} className="fr-mb-2w" />
          )}
          <dl>
            <dt className="fr-text--bold">{t('antivirus.stateLabel')}</dt>
            <dd>
              {t(`antivirus.state.${a.state}`)} · {t(`antivirus.mode.${a.mode}`)}
              {a.target ? ` (${a.target})` : ''}
              {a.engine ? ` · ${a.engine}` : ''}
            </dd>
            <dt className="fr-text--bold">{t('antivirus.signaturesLabel')}</dt>
            <dd>
              {signatures ? t(`antivirus.kind.${signatures.kind}`) : t('antivirus.kind.unknown')}
              {signatures?.newestAt && ` · ${t('antivirus.builtAt', { when: stampLabel(signatures.newestAt), days: Math.floor(signatures.ageDays ?? 0) })}`}
              {signatures && signatures.files.length > 0 && (
                <ul className="fr-text--sm">
                  {signatures.files.map((f) => (
                    <li key={f.name}>
                      {f.name}
                      {f.version !== null && ` — version ${f.version}`}
                      {f.signatures !== null && ` — ${t('antivirus.signatureCount', { count: f.signatures })}`}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt className="fr-text--bold">{t('antivirus.queueLabel')}</dt>
            <dd>{t('antivirus.queue', { count: status.data?.scanning.waiting ?? 0 })}</dd>
            <dt className="fr-text--bold">{t('antivirus.limitsLabel')}</dt>
            <dd>
              {status.data &&
                t('antivirus.limits', {
                  mb: Math.round(status.data.limits.maxBytes / 1048576),
                  pages: status.data.limits.maxPages,
                  megapixels: Math.round(status.data.limits.maxPixels / 1_000_000),
                  days: status.data.limits.retentionDays,
                })}
            </dd>
          </dl>
          {a.lastError && <p className="fr-text--sm">{a.lastError}</p>}
        </>
      )}
    </section>
  );
}
