import { fetchApi } from '../../../lib/api';
import { Consultation } from '../../../lib/consultations';
import type { Schemas } from '../../../api/schemas';

export type RescheduleInput = Schemas['RescheduleConsultationDto'];

/** An atomic move: same row, 409 when the new interval is taken. */
export const rescheduleConsultation = (id: string, input: RescheduleInput) =>
  fetchApi<Consultation>(`/api/consultations/${id}`, { method: 'PATCH', body: input });
