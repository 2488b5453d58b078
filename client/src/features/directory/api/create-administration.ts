import { fetchApi } from '../../../lib/api';
import { AdministrationRecord } from './types';

export const createAdministration = (input: { name: string; departement: string }) =>
  fetchApi<AdministrationRecord>('/api/administrations', { method: 'POST', body: input });
