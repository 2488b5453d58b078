import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerSrc from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerSrc;

/**
 * A PDF drawn by pdf.js in this page, every page at the width of the screen times `zoom` (readable
 * without pinching), sharp on high-density screens. Loaded on demand (this module is its own chunk).
 * NOTE: the bytes are fetched once and kept in memory only while shown; nothing is cached.
 */
export default function PdfPages({ url, zoom, title, onPageCount }: { url: string; zoom: number; title: string; onPageCount?: (count: number) => void }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = new Uint8Array(await response.arrayBuffer());
        loaded = await getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
        if (cancelled) return void loaded.destroy();
        setPdf(loaded);
        onPageCount?.(loaded.numPages);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
    // The link changes when the list is refreshed: the same document need not be loaded again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url.split('?')[0]]);

  useEffect(() => {
    const host = container.current;
    if (!pdf || !host) return;
    let cancelled = false;
    void (async () => {
      const width = host.clientWidth * zoom;
      const canvases: HTMLCanvasElement[] = [];
      for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
        const page = await pdf.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const scale = (width / base.width) * (window.devicePixelRatio || 1);
        const viewport = page.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(width)}px`;
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('documents.viewer.pageLabel', { page: n, title }));
        canvas.className = 'doc-page';
        canvas.dataset.testid = 'pdf-page';
        await page.render({ canvas, viewport }).promise;
        canvases.push(canvas);
      }
      if (!cancelled) host.replaceChildren(...canvases);
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [pdf, zoom, t, title]);

  if (failed) return <p className="fr-error-text">{t('documents.viewer.failed')}</p>;
  return (
    <div className="doc-pdf" data-testid="pdf-view">
      {!pdf && <p role="status">{t('documents.viewer.loading')}</p>}
      {/* Filled with canvases outside React: it renders nothing inside this element. */}
      <div ref={container} className="doc-pdf__pages" />
    </div>
  );
}
