import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '@shared/documents/documents';
import '../documents.css';
import { keepFocusInside } from '../focus';

// pdf.js is large: loaded only when a PDF is opened, never with the call page itself.
const PdfPages = lazy(() => import('./PdfPages'));

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3];

/**
 * A document full screen: a PDF drawn in the page (no plug-in, no download needed), photographed
 * pages one at a time, with zoom, rotation, page turning, printing and downloading where allowed.
 * A dialog: it takes the focus, Escape closes it, and the focus goes back where it was.
 */
export function DocumentViewer({
  document: doc,
  onClose,
  allowDownload,
  large = false,
  intro,
}: {
  document: DocumentView;
  onClose(): void;
  /** The agent and the facilitator keep documents; the booth only looks at them. */
  allowDownload: boolean;
  /** Large buttons where the screen is touched (the booth). */
  large?: boolean;
  /** A sentence above the document (e.g. who sent it). */
  intro?: string;
}) {
  const { t } = useTranslation();
  const [zoomIndex, setZoomIndex] = useState(2);
  const [rotation, setRotation] = useState(0);
  const [page, setPage] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);
  const drawAll = useRef<(() => Promise<void>) | null>(null);
  const [preparing, setPreparing] = useState(false);
  const onPrintReady = useCallback((fn: (() => Promise<void>) | null) => (drawAll.current = fn), []);
  const print = async () => {
    if (drawAll.current) {
      setPreparing(true);
      await drawAll.current().catch(() => undefined);
      setPreparing(false);
    }
    window.print();
  };
  const isPdf = doc.files.length === 1 && doc.files[0]!.mediaType === 'application/pdf';
  const file = doc.files[page];
  const size = large ? ' fr-btn--lg' : '';

  useEffect(() => {
    const before = globalThis.document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => before?.focus?.();
  }, []);

  const zoom = ZOOMS[zoomIndex]!;
  return (
    <div
      className="doc-viewer doc-print"
      role="dialog"
      aria-modal="true"
      aria-label={doc.title}
      ref={dialog}
      tabIndex={-1}
      data-testid="document-viewer"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'Tab') keepFocusInside(e, dialog.current);
      }}
    >
      <div className="doc-viewer__bar doc-no-print">
        <div>
          {intro && (
            <p className="fr-mb-0" role="status">
              {intro}
            </p>
          )}
          <h2 className="fr-h5 fr-mb-0 doc-viewer__title">{doc.title}</h2>
        </div>
        <ul className={`fr-btns-group fr-btns-group--inline fr-btns-group--icon-left doc-viewer__tools${large ? '' : ' fr-btns-group--sm'}`}>
          <li>
            <button type="button" className={`fr-btn fr-btn--secondary fr-icon-zoom-out-line${size}`} onClick={() => setZoomIndex((z) => Math.max(0, z - 1))} disabled={zoomIndex === 0}>
              {t('documents.viewer.zoomOut')}
            </button>
          </li>
          <li>
            <button type="button" className={`fr-btn fr-btn--secondary fr-icon-zoom-in-line${size}`} onClick={() => setZoomIndex((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoomIndex === ZOOMS.length - 1}>
              {t('documents.viewer.zoomIn')}
            </button>
          </li>
          {!isPdf && (
            <li>
              <button type="button" className={`fr-btn fr-btn--secondary fr-icon-refresh-line${size}`} onClick={() => setRotation((r) => (r + 90) % 360)}>
                {t('documents.viewer.rotate')}
              </button>
            </li>
          )}
          <li>
            <button type="button" className={`fr-btn fr-btn--secondary fr-icon-printer-line${size}`} onClick={() => void print()} disabled={preparing}>
              {preparing ? t('documents.viewer.preparing') : t('documents.viewer.print')}
            </button>
          </li>
          {allowDownload && (
            <li>
              <a className={`fr-btn fr-btn--secondary fr-icon-download-line${size}`} href={`${isPdf ? doc.pdfUrl : file?.url}&download=1`} download>
                {isPdf ? t('documents.download') : t('documents.download')}
              </a>
            </li>
          )}
          {allowDownload && !isPdf && doc.pdfUrl && (
            <li>
              <a className={`fr-btn fr-btn--secondary fr-icon-file-pdf-line${size}`} href={`${doc.pdfUrl}&download=1`} download>
                {t('documents.downloadPdf')}
              </a>
            </li>
          )}
          <li>
            <button type="button" className={`fr-btn fr-icon-close-line${size}`} onClick={onClose}>
              {t('documents.viewer.close')}
            </button>
          </li>
        </ul>
      </div>
      {/* Focusable, so that the keyboard scrolls a zoomed page (arrows, Page Down). */}
      <div className="doc-viewer__content" tabIndex={0} role="region" aria-label={t('documents.viewer.content', { title: doc.title })}>
        {isPdf && doc.pdfUrl ? (
          <Suspense fallback={<p role="status">{t('documents.viewer.loading')}</p>}>
            <PdfPages url={doc.pdfUrl} zoom={zoom} title={doc.title} onPrintReady={onPrintReady} />
          </Suspense>
        ) : (
          file?.url && (
            <div className="doc-image">
              <img
                src={file.url}
                alt={t('documents.viewer.pageLabel', { page: page + 1, title: doc.title })}
                data-testid="document-image"
                style={{ width: `${zoom * 100}%`, transform: rotation ? `rotate(${rotation}deg)` : undefined }}
              />
            </div>
          )
        )}
      </div>
      {!isPdf && doc.files.length > 1 && (
        <div className="doc-viewer__pages doc-no-print">
          <button type="button" className={`fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left${size}`} onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
            {t('documents.viewer.previous')}
          </button>
          <span role="status">{t('documents.viewer.pageOf', { page: page + 1, count: doc.files.length })}</span>
          <button type="button" className={`fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right${size}`} onClick={() => setPage((p) => p + 1)} disabled={page === doc.files.length - 1}>
            {t('documents.viewer.next')}
          </button>
        </div>
      )}
    </div>
  );
}
