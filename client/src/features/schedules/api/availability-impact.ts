import { fetchApi } from '../../../lib/api';
import type { ScheduleImpact, WeeklyRange } from './types';

/** The save's checks and the agent's bookings ahead it would leave outside, with free colleagues; stores nothing. */
export const availabilityImpact = (agentId: string, ranges: WeeklyRange[]) =>
  fetchApi<ScheduleImpact>(`/api/agents/${agentId}/availability/impact`, { method: 'POST', body: { ranges } });
