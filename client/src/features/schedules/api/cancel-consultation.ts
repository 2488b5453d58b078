import { fetchApi } from '../../../lib/api';
import type { Consultation } from '../../../lib/consultations';

/** The citizen is told, with the reason. */
export const cancelConsultation = (id: string, reason: string) => fetchApi<Consultation>(`/api/consultations/${id}/cancel`, { method: 'POST', body: { reason } });
