import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type IcsFeedStatus = Schemas['IcsFeedStatusView'];

/** Whether the agent has a live calendar feed: its URL is not kept, so it cannot be shown again. */
export const getIcsFeed = () => fetchApi<IcsFeedStatus>('/api/notifications/ics-feed');
