import { fetchApi } from '../../../lib/api';
import { query } from '../../scheduling/api/query';
import { MassCancellationCriteria, MassCancellationPreview } from './types';

export const previewMassCancellation = (criteria: MassCancellationCriteria, pageSize = 50) =>
  fetchApi<MassCancellationPreview>(`/api/mass-cancellations/preview${query({ ...criteria, pageSize })}`);
