import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '@shared/documents/documents';
import { ConfirmButton } from '../../../components/confirm';
import { fetchApi } from '../../../lib/api';
import type { Consultation } from '../../../lib/consultations';
import { useSession } from '../../../lib/session';
import { deleteDocument } from '../api/documents';
import { useDocuments } from '../hooks/use-documents';
import { DocumentStatus, UploadProgress } from './DocumentStatus';
import { DocumentViewer } from './DocumentViewer';

const SENDER_KEY = { booth: 'fromBooth', agent: 'fromAgent', facilitator: 'fromFacilitator' } as const;

/**
 * The documents of the consultation at the office (agent) or at the site (facilitator): what the
 * booth photographed, what the agent sent, each with its state; send a file, open, download, print,
 * delete. Kept in step by the call's notices.
 */
export function DocumentsPanel({ consultationId, version }: { consultationId: string; version: number }) {
  const { t } = useTranslation();
  const { documents, uploads, loadError, refresh, upload, dismissUpload } = useDocuments(consultationId, version);
  const [open, setOpen] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const shown = open ? documents.find((d) => d.id === open && d.status === 'ready') : undefined;
  const citizenEmail = useCitizenEmail(consultationId);
  const [emailCopy, setEmailCopy] = useState(false);
  const copyId = useId();

  return (
    <section aria-labelledby="documents-title" className="fr-mt-2w" data-testid="documents-panel">
      <h2 id="documents-title" className="fr-h6 fr-mb-1w">
        {t('documents.title')}
      </h2>
      <input
        ref={input}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        className="fr-sr-only"
        id="document-file"
        tabIndex={-1}
        aria-label={t('documents.send')}
        aria-describedby="document-file-hint"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload([{ blob: file, name: file.name }], undefined, emailCopy && citizenEmail !== null);
          setEmailCopy(false);
        }}
      />
      {citizenEmail && (
        <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-1w">
          <input type="checkbox" id={copyId} checked={emailCopy} onChange={(e) => setEmailCopy(e.target.checked)} />
          <label className="fr-label" htmlFor={copyId}>
            {t('documents.emailCopy', { email: citizenEmail })}
            <span className="fr-hint-text">{t('documents.emailCopyHint')}</span>
          </label>
        </div>
      )}
      <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-upload-line fr-btn--icon-left" onClick={() => input.current?.click()}>
        {t('documents.send')}
      </button>
      <p id="document-file-hint" className="fr-hint-text fr-mt-1v">
        {t('documents.sendHint')}
      </p>
      {loadError && (
        <p className="fr-error-text" role="alert">
          {loadError}
        </p>
      )}
      <ul className="fr-raw-list" aria-live="polite">
        {uploads.map((u) => (
          <UploadProgress key={u.id} title={u.title} progress={u.progress} error={u.error} onDismiss={() => dismissUpload(u.id)} />
        ))}
        {documents.map((doc) => (
          <DocumentItem key={doc.id} document={doc} onOpen={() => setOpen(doc.id)} onDeleted={() => void refresh()} />
        ))}
      </ul>
      {documents.length === 0 && uploads.length === 0 && <p className="fr-text--sm">{t('documents.none')}</p>}
      {shown && <DocumentViewer key={shown.id} document={shown} allowDownload onClose={() => setOpen(null)} />}
    </section>
  );
}

/** The citizen's e-mail address, for the agent only (the one who may send a copy there). */
function useCitizenEmail(consultationId: string): string | null {
  const { principal } = useSession();
  const isAgent = principal?.kind === 'user' && principal.role === 'agent';
  const [email, setEmail] = useState<string | null>(null);
  useEffect(() => {
    if (!isAgent) return;
    let live = true;
    fetchApi<Consultation>(`/api/consultations/${consultationId}`)
      .then((c) => live && setEmail(c.citizen.email))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [consultationId, isAgent]);
  return email;
}

function DocumentItem({ document: doc, onOpen, onDeleted }: { document: DocumentView; onOpen(): void; onDeleted(): void }) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const first = doc.files[0];
  return (
    <li className="fr-mb-2w" data-testid="document-item" data-document-status={doc.status}>
      <p className="fr-mb-0 fr-text--bold">{doc.title}</p>
      <p className="fr-text--xs fr-mb-1v">
        {t(`documents.${SENDER_KEY[doc.senderRole]}`)}
        {doc.pages !== null && ` · ${t('documents.pages', { count: doc.pages })}`}
        {doc.emailCopy && ` · ${t('documents.emailCopied')}`}
      </p>
      <DocumentStatus document={doc} />
      {doc.status === 'ready' && (
        <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1v">
          <button type="button" className="fr-btn fr-btn--sm" onClick={onOpen}>
            {t('documents.open')}
          </button>
          {first?.url && (
            <a className="fr-btn fr-btn--sm fr-btn--secondary" href={`${first.mediaType === 'application/pdf' ? doc.pdfUrl : first.url}&download=1`} download>
              {t('documents.download')}
            </a>
          )}
        </div>
      )}
      {doc.canDelete && (
        <ConfirmButton
          question={t('documents.deleteConfirm.question', { title: doc.title })}
          detail={t('documents.deleteConfirm.detail')}
          confirmLabel={t('documents.deleteConfirm.yes')}
          cancelLabel={t('documents.deleteConfirm.no')}
          busy={deleting}
          onConfirm={() => {
            setDeleting(true);
            setDeleteFailed(false);
            void deleteDocument(doc.id)
              .catch(() => setDeleteFailed(true))
              .finally(() => {
                setDeleting(false);
                onDeleted();
              });
          }}
        >
          {(ask) => (
            <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-delete-line fr-btn--icon-left" onClick={ask}>
              {t('documents.delete')}
            </button>
          )}
        </ConfirmButton>
      )}
      {deleteFailed && (
        <p className="fr-error-text" role="alert">
          {t('documents.deleteFailed')}
        </p>
      )}
    </li>
  );
}
