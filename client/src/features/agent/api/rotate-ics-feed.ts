import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

/** Creates the agent's calendar feed, or replaces it (the previous URL stops working). */
export const rotateIcsFeed = () => fetchApi<Schemas['IcsFeedCreatedView']>('/api/notifications/ics-feed', { method: 'POST' });
