import { fetchApi } from '../../../lib/api';

export const revokeIcsFeed = () => fetchApi<void>('/api/notifications/ics-feed', { method: 'DELETE' });
