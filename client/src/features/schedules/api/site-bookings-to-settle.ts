import { fetchApi } from '../../../lib/api';
import type { ScheduleImpact } from './types';

/** The bookings ahead at the France Services that its stored opening hours and closures no longer hold. */
export const siteBookingsToSettle = (siteId: string) => fetchApi<ScheduleImpact>(`/api/msap-sites/${siteId}/bookings-to-settle`);
