import { fetchApi } from '../../../lib/api';
import { BoothRecord } from './types';

export const renameBooth = (id: string, name: string) => fetchApi<BoothRecord>(`/api/booths/${id}`, { method: 'PATCH', body: { name } });
