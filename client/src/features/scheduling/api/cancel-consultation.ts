import { fetchApi } from '../../../lib/api';
import { Consultation } from '../../../lib/consultations';

export const cancelConsultation = (id: string, reason: string) =>
  fetchApi<Consultation>(`/api/consultations/${id}/cancel`, { method: 'POST', body: { reason } });
