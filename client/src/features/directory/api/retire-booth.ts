import { fetchApi } from '../../../lib/api';
import { BoothRecord } from './types';

/** 409 while consultations are booked on it ahead: they must be moved or cancelled first. */
export const retireBooth = (id: string) => fetchApi<BoothRecord>(`/api/booths/${id}/retire`, { method: 'POST' });
