import { fetchApi } from '../../../lib/api';
import { Principal } from '../../../lib/session';

/** Trades the code a facilitator generated for this terminal's long-lived session. */
export const pairDevice = (code: string) => fetchApi<Principal>('/api/devices/pair', { method: 'POST', body: { code } });
