import { fetchApi } from '../../../lib/api';
import { MassCancellationCriteria, MassCancellationJob } from './types';

/** 202: the job runs in the background; poll getMassCancellation for progress. */
export const createMassCancellation = (criteria: MassCancellationCriteria, message: string) =>
  fetchApi<MassCancellationJob>('/api/mass-cancellations', { method: 'POST', body: { ...criteria, message } });
