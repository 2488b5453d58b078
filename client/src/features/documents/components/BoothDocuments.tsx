import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocuments } from '../hooks/use-documents';
import { DocumentViewer } from './DocumentViewer';
import { PhotoCapture } from './PhotoCapture';

/**
 * Documents at the booth, for a citizen: one large button to photograph a paper for the agent,
 * the state of what was sent in plain words, and what the agent sent, shown full screen. Nothing
 * is downloaded or kept on the terminal: the viewer draws the document and forgets it on close.
 */
export function BoothDocuments({
  consultationId,
  version,
  stream,
  cameraOn,
  onAttention,
}: {
  consultationId: string;
  version: number;
  stream: MediaStream | null;
  cameraOn: boolean;
  /** Called when something the citizen must see happens here (a document arrived, theirs was refused). */
  onAttention?: () => void;
}) {
  const { t } = useTranslation();
  const { documents, uploads, upload } = useDocuments(consultationId, version);
  const [capturing, setCapturing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const sent = documents.filter((d) => d.direction === 'to_agent' && d.senderRole === 'booth');
  const last = sent[sent.length - 1];
  const received = documents.filter((d) => d.direction === 'to_citizen' && d.status === 'ready');
  const shown = received.find((d) => d.id === open);
  // A document the agent sends opens full screen by itself, once: the citizen has nothing to find.
  const opened = useRef(new Set<string>());
  const newest = received.find((d) => !opened.current.has(d.id));
  useEffect(() => {
    if (!newest || capturing) return;
    opened.current.add(newest.id);
    setOpen(newest.id);
    onAttention?.();
  }, [newest, capturing, onAttention]);
  const uploading = uploads.find((u) => !u.error);
  const failedUpload = uploads.find((u) => u.error);
  // A refusal of the citizen's document is said where they can read it.
  const refusal = failedUpload ? 'failed' : last?.status === 'rejected' ? last.id : null;
  useEffect(() => {
    if (refusal) onAttention?.();
  }, [refusal, onAttention]);

  return (
    <section aria-label={t('documents.title')} className="fr-mt-2w" data-testid="booth-documents">
      <button type="button" className="fr-btn fr-btn--lg fr-icon-camera-line fr-btn--icon-left" onClick={() => setCapturing(true)}>
        {t('documents.booth.photograph')}
      </button>
      {/* For the facilitator, when a scanner or a USB key is plugged into the booth. */}
      <input
        ref={fileInput}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        className="fr-sr-only"
        id="booth-document-file"
        tabIndex={-1}
        aria-label={t('documents.booth.sendFile')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload([{ blob: file, name: file.name }]);
        }}
      />
      <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-upload-line fr-btn--icon-left fr-mt-1w" onClick={() => fileInput.current?.click()}>
        {t('documents.booth.sendFile')}
      </button>
      <div aria-live="polite" className="fr-mt-1w">
        {uploading ? (
          <p className="fr-text--lg" data-testid="booth-document-state">
            {t('documents.booth.sending')} <progress className="doc-progress" max={100} value={Math.round(uploading.progress * 100)} />
          </p>
        ) : failedUpload ? (
          <p className="fr-error-text fr-text--lg" data-testid="booth-document-state">
            {t('documents.booth.refused')} {failedUpload.error}
          </p>
        ) : last ? (
          <p className={last.status === 'rejected' ? 'fr-error-text fr-text--lg' : 'fr-text--lg'} data-testid="booth-document-state" data-document-status={last.status}>
            {last.status === 'ready'
              ? t('documents.booth.sent')
              : last.status === 'rejected'
                ? `${t('documents.booth.refused')} ${t(`documents.rejection.${last.rejection ?? 'damaged'}`, { signature: last.signature ?? '' })}`
                : last.waiting
                  ? t(`documents.waiting.${last.waiting}`)
                  : t('documents.booth.checking')}
          </p>
        ) : null}
      </div>
      {received.map((doc) => (
        <p key={doc.id} className="fr-mt-1w fr-mb-0" data-testid="received-document">
          <button type="button" className="fr-btn fr-btn--secondary fr-btn--lg fr-icon-file-line fr-btn--icon-left" onClick={() => setOpen(doc.id)}>
            {t('documents.booth.show', { title: doc.title })}
          </button>
        </p>
      ))}
      {capturing && (
        <PhotoCapture
          stream={stream}
          cameraOn={cameraOn}
          onCancel={() => setCapturing(false)}
          onSend={(parts) => {
            setCapturing(false);
            const time = new Date().toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
            void upload(parts, t('documents.booth.photoTitle', { time }));
          }}
        />
      )}
      {shown && <DocumentViewer key={shown.id} document={shown} allowDownload={false} large intro={t('documents.booth.received')} onClose={() => setOpen(null)} />}
    </section>
  );
}
