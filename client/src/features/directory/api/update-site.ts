import { fetchApi } from '../../../lib/api';
import { SiteInput, SiteRecord } from './types';

export const updateSite = (id: string, input: Partial<SiteInput>) => fetchApi<SiteRecord>(`/api/msap-sites/${id}`, { method: 'PATCH', body: input });
