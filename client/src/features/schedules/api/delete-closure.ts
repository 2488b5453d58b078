import { fetchApi } from '../../../lib/api';

export const deleteClosure = (siteId: string, closureId: string) => fetchApi<void>(`/api/msap-sites/${siteId}/closures/${closureId}`, { method: 'DELETE' });
