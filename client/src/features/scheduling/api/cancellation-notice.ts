import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type CancellationNotice = Schemas['CancellationNoticeView'];

/** What cancelling with this reason would send the citizen; nothing is cancelled. */
export const previewCancellationNotice = (id: string, reason: string) =>
  fetchApi<CancellationNotice>(`/api/consultations/${encodeURIComponent(id)}/cancellation-notice`, { method: 'POST', body: { reason } });
