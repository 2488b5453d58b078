import { fetchApi } from '../../../lib/api';
import type { ConsultationType } from '../../../lib/directory';
import type { ConsultationTypeInput } from './types';

export const createConsultationType = (input: ConsultationTypeInput) => fetchApi<ConsultationType>('/api/consultation-types', { method: 'POST', body: input });
