import { fetchApi } from '../../../lib/api';
import { Consultation } from '../../../lib/consultations';

export interface RescheduleInput {
  startsAt?: string;
  boothId?: string;
  agentId?: string;
}

/** An atomic move: same row, 409 when the new interval is taken. */
export const rescheduleConsultation = (id: string, input: RescheduleInput) =>
  fetchApi<Consultation>(`/api/consultations/${id}`, { method: 'PATCH', body: input });
