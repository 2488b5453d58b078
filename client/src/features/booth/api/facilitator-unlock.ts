import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type FacilitatorCredentials = Schemas['FacilitatorCredentialsDto'];

/** A facilitator of this booth's France Services opens its settings; no session is opened on the booth. */
export const facilitatorUnlock = (credentials: FacilitatorCredentials) =>
  fetchApi<Schemas['FacilitatorUnlockView']>('/api/devices/me/facilitator-unlock', { method: 'POST', body: credentials });

/** The same facilitator unpairs this screen: its device cookie opens nothing afterwards. */
export const unpairHere = (credentials: FacilitatorCredentials) => fetchApi<void>('/api/devices/me/unpair', { method: 'POST', body: credentials });
