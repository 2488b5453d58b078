import { fetchApi } from '../../../lib/api';
import type { ScheduleImpact, WeeklyRange } from './types';

/** The save's checks and the bookings ahead these hours would leave outside; stores nothing. */
export const openingHoursImpact = (siteId: string, ranges: WeeklyRange[]) =>
  fetchApi<ScheduleImpact>(`/api/msap-sites/${siteId}/opening-hours/impact`, { method: 'POST', body: { ranges } });
