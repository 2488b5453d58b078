import { fetchApi } from '../../../lib/api';
import { CitizenInput, Consultation } from './types';

export interface BookingInput {
  boothId: string;
  agentId: string;
  consultationTypeId: string;
  startsAt: string;
  citizen: CitizenInput;
}

/** 201, or 409 naming the booth or agent already taken, 422 with field errors. */
export const bookConsultation = (input: BookingInput) => fetchApi<Consultation>('/api/consultations', { method: 'POST', body: input });
