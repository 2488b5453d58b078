import { fetchApi } from '../../../lib/api';

/** The citizen was told: the line leaves the list (409 when someone else already marked it). */
export const markCalled = (id: string) => fetchApi<void>(`/api/to-call/${encodeURIComponent(id)}/handled`, { method: 'POST' });
