import type { StatsFilters } from '@shared/stats/indicators';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { todayInParis } from '../../../lib/paris-time';
import { filtersFromSearch, searchFromFilters } from '../period';

/** The filters live in the address: a view can be bookmarked, sent, and the back button undoes a change. */
export function useStatsFilters(): [StatsFilters, (next: StatsFilters) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the query string is the identity
  const filters = useMemo(() => filtersFromSearch(params, todayInParis()), [key]);
  const apply = useCallback((next: StatsFilters) => setParams(searchFromFilters(next)), [setParams]);
  return [filters, apply];
}
