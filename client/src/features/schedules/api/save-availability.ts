import { fetchApi } from '../../../lib/api';
import type { WeeklyRange } from './types';

/** Replaces the agent's whole week; 422 naming each range refused (ranges.<i>), OUTSIDE_OPENING_HOURS among them. */
export const saveAvailability = (agentId: string, ranges: WeeklyRange[]) =>
  fetchApi<WeeklyRange[]>(`/api/agents/${agentId}/availability`, { method: 'PUT', body: { ranges } });
