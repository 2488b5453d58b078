import { fetchApi } from '../../../lib/api';
import { AdministrationChange, AdministrationRecord } from './types';

export const updateAdministration = (id: string, input: AdministrationChange) =>
  fetchApi<AdministrationRecord>(`/api/administrations/${id}`, { method: 'PATCH', body: input });
