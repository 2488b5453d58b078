import { fetchApi } from '../../../lib/api';
import type { ConsultationType } from '../../../lib/directory';
import type { ConsultationTypeChange } from './types';

export const updateConsultationType = (id: string, change: ConsultationTypeChange) =>
  fetchApi<ConsultationType>(`/api/consultation-types/${id}`, { method: 'PATCH', body: change });
