import type { Schemas } from '../../../api/schemas';
import { fetchApi, query } from '../../../lib/api';

export type CallbackRequestItem = Schemas['CallbackRequestView'];

/** Waiting requests of the caller's site or département, oldest first. */
export const listCallbackRequests = (status: 'open' | 'handled' = 'open') => fetchApi<CallbackRequestItem[]>(`/api/callback-requests${query({ status })}`);
