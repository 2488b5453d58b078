import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadPart } from '../api/documents';
import { capturePhoto, pageName } from '../media/capture';
import { keepFocusInside } from '../focus';
import { holdObjectUrl, releaseObjectUrl } from '../../../lib/page-resources';
import '../documents.css';

interface Page {
  blob: Blob;
  url: string;
}

/** A booth may send at most this many photographed pages in one document (the server checks its own limit). */
const MAX_PAGES = 20;

/**
 * The booth photographs a paper without touching a file: the live camera under a framing guide,
 * one large button, a preview with "Reprendre" / "Ajouter une page" / "Envoyer". Photos stay in
 * this component's memory only, and are released when it closes.
 */
export function PhotoCapture({ stream, cameraOn, onCancel, onSend }: { stream: MediaStream | null; cameraOn: boolean; onCancel(): void; onSend(parts: UploadPart[]): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<Page[]>([]);
  const [preview, setPreview] = useState<Page | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const pagesRef = useRef<Page[]>([]);
  pagesRef.current = preview ? [...pages, preview] : pages;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => {
      // Whatever happens, the photos leave memory with the dialog; the focus goes back where it was.
      pagesRef.current.forEach((p) => releaseObjectUrl(p.url));
      before?.focus?.();
    };
  }, []);

  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream, preview]);

  const track = stream?.getVideoTracks()[0];
  const settings = track?.getSettings();
  const ratio = settings?.width && settings.height ? settings.width / settings.height : 4 / 3;
  const canShoot = cameraOn && track !== undefined && track.readyState === 'live';

  const take = async () => {
    if (!track || !video.current) return;
    setBusy(true);
    setFailed(false);
    try {
      const blob = await capturePhoto(track, video.current);
      setPreview({ blob, url: holdObjectUrl(blob) });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const retake = () => {
    if (preview) releaseObjectUrl(preview.url);
    setPreview(null);
  };
  const keep = () => {
    if (!preview) return pages;
    const next = [...pages, preview];
    setPages(next);
    setPreview(null);
    return next;
  };

  return (
    <div className="doc-capture" role="dialog" aria-modal="true" aria-labelledby="capture-title" ref={dialog} tabIndex={-1} data-testid="photo-capture" onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Tab') keepFocusInside(e, dialog.current);
      }}>
      <h2 id="capture-title" className="fr-sr-only">
        {t('documents.capture.title')}
      </h2>
      <p className="doc-capture__hint" role="status">
        {!canShoot
          ? t('documents.capture.cameraOff')
          : failed
            ? t('documents.capture.failed')
            : !preview && pages.length >= MAX_PAGES
              ? t('documents.capture.maxPages')
              : preview ? t('documents.capture.preview', { page: pages.length + 1 }) : t('documents.capture.frame')}
      </p>
      <div className="doc-capture__stage">
        {preview ? (
          <img src={preview.url} alt={t('documents.capture.preview', { page: pages.length + 1 })} data-testid="capture-preview" />
        ) : (
          <div className="doc-capture__view" style={{ '--ratio': String(ratio) } as CSSProperties}>
            <video ref={video} autoPlay playsInline muted data-testid="capture-video" />
            <div className="doc-capture__frame" aria-hidden="true" />
          </div>
        )}
      </div>
      <div className="doc-capture__bar">
        {pages.length > 0 && (
          <ul className="doc-capture__thumbs" aria-label={t('documents.capture.pages')}>
            {pages.map((p, i) => (
              <li key={p.url}>
                <img src={p.url} alt={t('documents.capture.preview', { page: i + 1 })} />
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="fr-btn fr-btn--secondary fr-btn--lg" onClick={onCancel}>
          {t('documents.capture.cancel')}
        </button>
        {preview ? (
          <>
            <button type="button" className="fr-btn fr-btn--secondary fr-btn--lg fr-icon-refresh-line fr-btn--icon-left" onClick={retake}>
              {t('documents.capture.retake')}
            </button>
            {pages.length + 1 < MAX_PAGES && (
              <button type="button" className="fr-btn fr-btn--secondary fr-btn--lg fr-icon-add-line fr-btn--icon-left" onClick={() => keep()}>
                {t('documents.capture.addPage')}
              </button>
            )}
            <button
              type="button"
              className="fr-btn fr-btn--lg fr-icon-send-plane-line fr-btn--icon-left"
              onClick={() => onSend(keep().map((p, i) => ({ blob: p.blob, name: pageName(p.blob, i + 1) })))}
            >
              {t('documents.capture.send', { count: pages.length + 1 })}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="fr-btn fr-btn--lg fr-icon-camera-line fr-btn--icon-left" onClick={() => void take()} disabled={!canShoot || busy || pages.length >= MAX_PAGES}>
              {t('documents.capture.take')}
            </button>
            {pages.length > 0 && (
              <button type="button" className="fr-btn fr-btn--lg fr-icon-send-plane-line fr-btn--icon-left" onClick={() => onSend(pages.map((p, i) => ({ blob: p.blob, name: pageName(p.blob, i + 1) })))}>
                {t('documents.capture.send', { count: pages.length })}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
