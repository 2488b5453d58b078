import { fetchApi, query } from '../../../lib/api';
import type { QueryOf } from '../../../api/schemas';
import { SlotSearchResult } from './types';

export type SlotSearch = QueryOf<'SlotsController_search'>;

export const searchSlots = (q: SlotSearch) => fetchApi<SlotSearchResult>(`/api/slots${query({ ...q })}`);
