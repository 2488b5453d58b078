import { fetchApi } from '../../../lib/api';
import { BoothRecord } from './types';

/** Every booth of the MSAP, retired ones included (they keep their history and their name). */
export const listAllBooths = (siteId: string) => fetchApi<BoothRecord[]>(`/api/msap-sites/${siteId}/booths?includeRetired=true`);
