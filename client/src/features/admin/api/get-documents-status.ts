import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type DocumentsStatus = Schemas['DocumentsStatusView'];

/** The antivirus, its signatures and the queue of document checks (admins only). */
export const getDocumentsStatus = () => fetchApi<DocumentsStatus>('/api/documents/status');
