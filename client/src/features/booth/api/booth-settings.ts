import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

/** The operator's settings of booth screens (BOOTH_IDLE_SECONDS). */
export const getBoothSettings = () => fetchApi<Schemas['BoothSettingsView']>('/api/devices/me/settings');
