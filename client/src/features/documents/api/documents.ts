import type { ErrorBody } from '@shared/errors/error-codes';
import type { DocumentView } from '@shared/documents/documents';
import { ApiError, csrfToken, fetchApi } from '../../../lib/api';

export function listDocuments(consultationId: string): Promise<DocumentView[]> {
  return fetchApi<DocumentView[]>(`/api/consultations/${consultationId}/documents`);
}

export function deleteDocument(documentId: string): Promise<void> {
  return fetchApi<void>(`/api/documents/${documentId}`, { method: 'DELETE' });
}

export interface UploadPart {
  blob: Blob;
  name: string;
}

/** The share of the upload shown before the server has answered: the rest waits for its commit. */
const CAP_BEFORE_ANSWER = 0.95;

/**
 * Sends a document (a PDF, or photographed pages in order) with real progress: XMLHttpRequest
 * reports the bytes sent, which fetch cannot. The bar stops short of the end until the server has
 * stored the document and answered.
 */
export function uploadDocument(consultationId: string, parts: UploadPart[], onProgress: (fraction: number) => void, title?: string, emailCopy = false): Promise<DocumentView> {
  const form = new FormData();
  if (title) form.append('title', title);
  if (emailCopy) form.append('emailCopy', 'true');
  for (const part of parts) form.append('file', part.blob, part.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/consultations/${consultationId}/documents`);
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(CAP_BEFORE_ANSWER, event.loaded / event.total));
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = null;
      }
      if (xhr.status === 201) {
        onProgress(1);
        resolve(payload as DocumentView);
        return;
      }
      const body = (payload ?? {}) as Partial<ErrorBody>;
      reject(new ApiError(xhr.status, body.code ?? 'UNKNOWN', body.message ?? xhr.statusText, body.errors));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network'));
    xhr.send(form);
  });
}
