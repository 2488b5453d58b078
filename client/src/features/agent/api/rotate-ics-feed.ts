import { fetchApi } from '../../../lib/api';

/** Creates the agent's calendar feed, or replaces it (the previous URL stops working). */
export const rotateIcsFeed = () => fetchApi<{ url: string; createdAt: string }>('/api/notifications/ics-feed', { method: 'POST' });
