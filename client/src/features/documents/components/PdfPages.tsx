import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerSrc from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerSrc;

/** Pages drawn around the ones on screen; the others are released (a long PDF would take gigabytes). */
const MARGIN = '150% 0px';
/** Device pixels per CSS pixel, at most: sharp text without giant canvases on dense screens. */
const MAX_DENSITY = 2;

/**
 * A PDF drawn by pdf.js in this page, every page at the width of the screen times `zoom` (readable
 * without pinching), sharp on high-density screens. Only the pages near the screen hold a drawing:
 * each page is a placeholder of the right size, drawn when it comes near and released when it goes.
 * Loaded on demand (this module is its own chunk). NOTE: the bytes are fetched once, kept in memory
 * only while shown; nothing is cached.
 */
export default function PdfPages({
  url,
  zoom,
  title,
  onPrintReady,
}: {
  url: string;
  zoom: number;
  title: string;
  /** Receives the function that draws every page (at a printable size) before printing. */
  onPrintReady?: (drawAll: (() => Promise<void>) | null) => void;
}) {
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
    const width = Math.floor(host.clientWidth * zoom);
    const density = Math.min(window.devicePixelRatio || 1, MAX_DENSITY);
    const drawn = new Map<number, { cancel(): void }>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const canvas = entry.target as HTMLCanvasElement;
          const n = Number(canvas.dataset.page);
          if (entry.isIntersecting && !drawn.has(n)) {
            let task: { cancel(): void; promise: Promise<void> } | null = null;
            drawn.set(n, { cancel: () => task?.cancel() });
            void pdf.getPage(n).then((page) => {
              if (cancelled || !drawn.has(n)) return;
              const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * density });
              canvas.width = Math.floor(viewport.width);
              canvas.height = Math.floor(viewport.height);
              task = page.render({ canvas, viewport });
              task.promise.catch(() => undefined);
            });
          } else if (!entry.isIntersecting && drawn.has(n)) {
            drawn.get(n)!.cancel();
            drawn.delete(n);
            // Releases the drawing's memory; the placeholder keeps its size.
            canvas.width = 0;
            canvas.height = 0;
          }
        }
      },
      { root: host.closest('.doc-viewer__content'), rootMargin: MARGIN },
    );
    void (async () => {
      const canvases: HTMLCanvasElement[] = [];
      for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
        const page = await pdf.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const canvas = document.createElement('canvas');
        canvas.style.width = `${width}px`;
        canvas.style.aspectRatio = `${base.width} / ${base.height}`;
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('documents.viewer.pageLabel', { page: n, title }));
        canvas.className = 'doc-page';
        canvas.dataset.testid = 'pdf-page';
        canvas.dataset.page = String(n);
        canvases.push(canvas);
      }
      if (cancelled) return;
      host.replaceChildren(...canvases);
      for (const canvas of canvases) observer.observe(canvas);
      // Printing needs every page: drawn once, at one device pixel per CSS pixel, then printed.
      onPrintReady?.(async () => {
        observer.disconnect();
        for (const canvas of canvases) {
          const n = Number(canvas.dataset.page);
          drawn.get(n)?.cancel();
          drawn.set(n, { cancel: () => undefined });
          const page = await pdf.getPage(n);
          const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          await page.render({ canvas, viewport }).promise;
        }
      });
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      onPrintReady?.(null);
      observer.disconnect();
      for (const task of drawn.values()) task.cancel();
    };
  }, [pdf, zoom, t, title, onPrintReady]);

  if (failed) return <p className="fr-error-text">{t('documents.viewer.failed')}</p>;
  return (
    <div className="doc-pdf" data-testid="pdf-view">
      {!pdf && <p role="status">{t('documents.viewer.loading')}</p>}
      {/* Filled with canvases outside React: it renders nothing inside this element. */}
      <div ref={container} className="doc-pdf__pages" />
    </div>
  );
}
