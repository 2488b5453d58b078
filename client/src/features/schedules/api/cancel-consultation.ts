import type { StaffCancellationCause } from '@shared/scheduling/cancellation';
import { fetchApi } from '../../../lib/api';
import type { Consultation } from '../../../lib/consultations';

/** The citizen is told, with the reason; `cause` is why as the statistics count it. */
export const cancelConsultation = (id: string, reason: string, cause: StaffCancellationCause) =>
  fetchApi<Consultation>(`/api/consultations/${id}/cancel`, { method: 'POST', body: { reason, cause } });
