import { fetchApi } from '../../../lib/api';
import { SiteInput, SiteRecord } from './types';

export const createSite = (input: SiteInput) => fetchApi<SiteRecord>('/api/msap-sites', { method: 'POST', body: input });
