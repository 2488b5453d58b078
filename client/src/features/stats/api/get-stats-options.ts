import type { StatsOptions } from '@shared/stats/indicators';
import { fetchApi } from '../../../lib/api';

export type { StatsOptions };

export const getStatsOptions = () => fetchApi<StatsOptions>('/api/stats/options');
