import { fetchApi } from '../../../lib/api';
import { AdministrationInput, AdministrationRecord } from './types';

export const createAdministration = (input: AdministrationInput) => fetchApi<AdministrationRecord>('/api/administrations', { method: 'POST', body: input });
