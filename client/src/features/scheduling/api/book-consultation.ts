import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';
import { Consultation } from '../../../lib/consultations';

export type BookingInput = Schemas['BookConsultationDto'];

/** 201, or 409 naming the booth or agent already taken, 422 with field errors. */
export const bookConsultation = (input: BookingInput) => fetchApi<Consultation>('/api/consultations', { method: 'POST', body: input });
