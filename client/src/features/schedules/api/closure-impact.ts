import { fetchApi } from '../../../lib/api';
import type { ClosureInput, ScheduleImpact } from './types';

/** The closure's checks and the bookings ahead it would fall on; stores nothing. */
export const closureImpact = (siteId: string, input: ClosureInput) =>
  fetchApi<ScheduleImpact>(`/api/msap-sites/${siteId}/closures/impact`, { method: 'POST', body: input });
