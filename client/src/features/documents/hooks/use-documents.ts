import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '@shared/documents/documents';
import { errorMessage } from '../../../lib/api-errors';
import { listDocuments, uploadDocument, UploadPart } from '../api/documents';

/** An upload under way on this device, before the server lists it. */
export interface LocalUpload {
  id: string;
  title: string;
  progress: number;
  error: string | null;
}

/**
 * The consultation's documents, read again whenever `version` grows (the call engine bumps it on
 * each change notice and after each reconnection), plus this device's uploads in progress. Links
 * in the list expire after a few minutes: the list is also refreshed before that.
 */
export function useDocuments(consultationId: string, version: number) {
  const [documents, setDocuments] = useState<DocumentView[]>([]);
  const [uploads, setUploads] = useState<LocalUpload[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef(0);
  const { t } = useTranslation();

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const list = await listDocuments(consultationId);
      if (request === latest.current) {
        setDocuments(list);
        setLoadError(null);
      }
    } catch (error) {
      if (request === latest.current) setLoadError(errorMessage(t, error));
    }
  }, [consultationId, t]);

  useEffect(() => {
    void refresh();
  }, [refresh, version]);

  // Links expire: the list is read again shortly before the first of them does.
  useEffect(() => {
    const expiries = documents.flatMap((d) => [d.pdfUrl, ...d.files.map((f) => f.url)]).flatMap((url) => {
      const exp = url ? /[?&]exp=(\d+)/.exec(url)?.[1] : undefined;
      return exp ? [Number(exp) * 1000] : [];
    });
    if (expiries.length === 0) return;
    const delay = Math.max(5_000, Math.min(...expiries) - Date.now() - 15_000);
    const timer = setTimeout(() => void refresh(), delay);
    return () => clearTimeout(timer);
  }, [documents, refresh]);

  const upload = useCallback(
    async (parts: UploadPart[], title?: string, emailCopy = false): Promise<DocumentView | null> => {
      const id = `${Date.now()}-${Math.random()}`;
      const label = title ?? parts[0]?.name ?? 'document';
      // A new upload puts an end to the previous failures: what is said is about the latest one.
      setUploads((u) => [...u.filter((x) => !x.error), { id, title: label, progress: 0, error: null }]);
      const setProgress = (progress: number) => setUploads((u) => u.map((x) => (x.id === id ? { ...x, progress } : x)));
      try {
        const created = await uploadDocument(consultationId, parts, setProgress, title, emailCopy);
        setUploads((u) => u.filter((x) => x.id !== id));
        setDocuments((list) => (list.some((d) => d.id === created.id) ? list : [...list, created]));
        void refresh();
        return created;
      } catch (error) {
        setUploads((u) => u.map((x) => (x.id === id ? { ...x, error: errorMessage(t, error) } : x)));
        return null;
      }
    },
    [consultationId, refresh, t],
  );

  const dismissUpload = useCallback((id: string) => setUploads((u) => u.filter((x) => x.id !== id)), []);

  return { documents, uploads, loadError, refresh, upload, dismissUpload };
}
