import type { StatsFilters, StatsReport } from '@shared/stats/indicators';
import { fetchApi, query } from '../../../lib/api';

/** The figures of a period within the viewer's rights (the server narrows them; a filter outside is a 403). */
export const getStats = (filters: StatsFilters) => fetchApi<StatsReport>(`/api/stats${query({ ...filters })}`);
