import { fetchApi } from '../../../lib/api';
import type { Consultation } from '../../../lib/consultations';

/** Same time, same booth, another agent of the same administration. */
export const reassignConsultation = (id: string, agentId: string) => fetchApi<Consultation>(`/api/consultations/${id}/reassign`, { method: 'POST', body: { agentId } });
