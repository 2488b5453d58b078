import { fetchApi } from '../../../lib/api';
import { MassCancellationReport } from './types';

export const getMassCancellationReport = (id: string) => fetchApi<MassCancellationReport>(`/api/mass-cancellations/${id}/report?pageSize=1000`);
