import { fetchApi, query } from '../../../lib/api';
import type { Closure } from './types';

/** The MSAP's closures overlapping [from, to) (a year at most), earliest first. */
export const listClosures = (siteId: string, from: string, to: string) => fetchApi<Closure[]>(`/api/msap-sites/${siteId}/closures${query({ from, to })}`);
