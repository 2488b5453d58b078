import { fetchApi } from '../../../lib/api';
import { MassCancellationJob } from './types';

export const getMassCancellation = (id: string) => fetchApi<MassCancellationJob>(`/api/mass-cancellations/${id}`);
