import type { StatsFilters } from '@shared/stats/indicators';
import { fetchApi } from '../../../lib/api';

/**
 * What the viewer may filter on, as the server decides from their rights: a filter with no choice
 * (or one only) is not shown as a list.
 */
export interface StatsOptions {
  departements: string[];
  sites: Array<{ id: string; name: string; departement: string }>;
  administrations: Array<{ id: string; name: string; departement: string }>;
  consultationTypes: Array<{ id: string; name: string; administrationId: string }>;
  agents: Array<{ id: string; name: string; administrationId: string }>;
  /** The filters the viewer's rights set (a coordinator's département, a facilitator's site, an agent's self). */
  fixed: Omit<StatsFilters, 'from' | 'to'>;
}

export const getStatsOptions = () => fetchApi<StatsOptions>('/api/stats/options');
