import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '@shared/documents/documents';

const SEVERITY = { uploading: 'info', scanning: 'info', ready: 'success', rejected: 'error' } as const;

/** The document's state in words: its badge, and why it waits or was refused. */
export function DocumentStatus({ document: doc }: { document: DocumentView }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge small severity={SEVERITY[doc.status]} noIcon={doc.status === 'scanning'}>
        {t(`documents.status.${doc.status}`)}
      </Badge>
      {doc.waiting && <p className="fr-text--sm fr-mb-0">{t(`documents.waiting.${doc.waiting}`)}</p>}
      {doc.rejection && (
        <p className="fr-error-text fr-mt-1v" data-testid="document-rejection">
          {t(`documents.rejection.${doc.rejection}`, { signature: doc.signature ?? '' })}
        </p>
      )}
    </>
  );
}

/** An upload in progress: a real progress bar, read out by screen readers. */
export function UploadProgress({ title, progress, error, onDismiss }: { title: string; progress: number; error: string | null; onDismiss(): void }) {
  const { t } = useTranslation();
  const percent = Math.round(progress * 100);
  return (
    <li className="fr-mb-2w" data-testid="upload-progress">
      <p className="fr-mb-1v fr-text--bold">{title}</p>
      {error ? (
        <>
          <p className="fr-error-text" role="alert">
            {t('documents.uploadFailed', { reason: error })}
          </p>
          <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={onDismiss}>
            {t('documents.viewer.close')}
          </button>
        </>
      ) : (
        <>
          <progress className="doc-progress" max={100} value={percent} aria-label={title} />
          <p className="fr-text--sm fr-mb-0" role="status">
            {t('documents.uploading', { percent })}
          </p>
        </>
      )}
    </li>
  );
}
