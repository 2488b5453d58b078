import { fetchApi } from '../../../lib/api';
import { BoothRecord } from './types';

export const createBooth = (siteId: string, name: string) =>
  fetchApi<BoothRecord>(`/api/msap-sites/${siteId}/booths`, { method: 'POST', body: { name } });
