import { fetchApi } from '../../../lib/api';
import type { Closure, ClosureInput } from './types';

/** 201; 422 END_BEFORE_START, or ALREADY_CLOSED when closures already cover the whole interval. */
export const addClosure = (siteId: string, input: ClosureInput) => fetchApi<Closure>(`/api/msap-sites/${siteId}/closures`, { method: 'POST', body: input });
