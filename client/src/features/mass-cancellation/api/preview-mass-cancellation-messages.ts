import { fetchApi } from '../../../lib/api';
import { MassCancellationCriteria, MassCancellationMessages } from './types';

/**
 * The message step: 422 naming `message` (empty, unknown placeholder, too long) before going on;
 * else exactly what the first `count` citizens of the selection will be sent. Cancels nothing.
 */
export const previewMassCancellationMessages = (criteria: MassCancellationCriteria, message: string, count = 5) =>
  fetchApi<MassCancellationMessages>('/api/mass-cancellations/message-preview', { method: 'POST', body: { ...criteria, message, count } });
