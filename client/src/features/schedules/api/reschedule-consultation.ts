import { fetchApi } from '../../../lib/api';
import type { Consultation } from '../../../lib/consultations';

/** Another start, same length, booth and agent; 422 naming why the new time cannot be booked. */
export const rescheduleConsultation = (id: string, startsAt: string) => fetchApi<Consultation>(`/api/consultations/${id}`, { method: 'PATCH', body: { startsAt } });
