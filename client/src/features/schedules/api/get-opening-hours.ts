import { fetchApi } from '../../../lib/api';
import type { WeeklyRange } from './types';

export const getOpeningHours = (siteId: string) => fetchApi<WeeklyRange[]>(`/api/msap-sites/${siteId}/opening-hours`);
