import { fetchApi } from '../../../lib/api';
import { CitizenInput } from './types';
import { Consultation } from '../../../lib/consultations';

export interface BookingInput {
  boothId: string;
  agentId: string;
  consultationTypeId: string;
  startsAt: string;
  citizen: CitizenInput;
}

/** 201, or 409 naming the booth or agent already taken, 422 with field errors. */
export const bookConsultation = (input: BookingInput) => fetchApi<Consultation>('/api/consultations', { method: 'POST', body: input });
