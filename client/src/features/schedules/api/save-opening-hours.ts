import { fetchApi } from '../../../lib/api';
import type { WeeklyRange } from './types';

/** Replaces the MSAP's whole week; 422 naming each range refused (ranges.<i>). */
export const saveOpeningHours = (siteId: string, ranges: WeeklyRange[]) =>
  fetchApi<WeeklyRange[]>(`/api/msap-sites/${siteId}/opening-hours`, { method: 'PUT', body: { ranges } });
