import { fetchApi } from '../../../lib/api';

export interface IcsFeedStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** Whether the agent has a live calendar feed: its URL is not kept, so it cannot be shown again. */
export const getIcsFeed = () => fetchApi<IcsFeedStatus>('/api/notifications/ics-feed');
