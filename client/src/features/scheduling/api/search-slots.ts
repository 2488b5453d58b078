import { fetchApi, query } from '../../../lib/api';
import { SlotSearchResult } from './types';

export interface SlotSearch {
  consultationTypeId: string;
  administrationId?: string;
  agentId?: string;
  msapSiteId?: string;
  boothId?: string;
  from: string;
  to: string;
  limit?: number;
}

export const searchSlots = (q: SlotSearch) => fetchApi<SlotSearchResult>(`/api/slots${query({ ...q })}`);
