import { fetchApi } from '../../../lib/api';
import { AdministrationRecord } from './types';

export const updateAdministration = (id: string, input: { name?: string; departement?: string }) =>
  fetchApi<AdministrationRecord>(`/api/administrations/${id}`, { method: 'PATCH', body: input });
