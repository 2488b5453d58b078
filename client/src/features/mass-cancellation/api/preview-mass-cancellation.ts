import { fetchApi, query } from '../../../lib/api';
import { MassCancellationCriteria, MassCancellationPreview } from './types';

export const previewMassCancellation = (criteria: MassCancellationCriteria, pageSize = 50) =>
  fetchApi<MassCancellationPreview>(`/api/mass-cancellations/preview${query({ ...criteria, pageSize })}`);
