import { fetchApi } from '../../../lib/api';
import { BoothRecord } from './types';

/** Back in service: bookable and pairable again; its former terminals stay revoked. */
export const reinstateBooth = (id: string) => fetchApi<BoothRecord>(`/api/booths/${id}/reinstate`, { method: 'POST' });
