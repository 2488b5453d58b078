import { fetchApi } from '../../../lib/api';
import type { CallbackRequestItem } from './list-callback-requests';

export const handleCallbackRequest = (id: string) => fetchApi<CallbackRequestItem>(`/api/callback-requests/${encodeURIComponent(id)}/handle`, { method: 'POST' });
