import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

/** The booth page is open: its France Services' desk shows the booth online. */
export const sendHeartbeat = () => fetchApi<void>('/api/devices/me/heartbeat', { method: 'POST' });

/** The result of the booth's pre-call check, for the facilitator's desk. */
export const reportCheck = (check: Schemas['BoothCheckDto']) => fetchApi<void>('/api/devices/me/check', { method: 'POST', body: check });
