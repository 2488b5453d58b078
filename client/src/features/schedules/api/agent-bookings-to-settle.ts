import { fetchApi } from '../../../lib/api';
import type { ScheduleImpact } from './types';

/** The agent's bookings ahead outside their stored availability, each with the colleagues free to take it. */
export const agentBookingsToSettle = (agentId: string) => fetchApi<ScheduleImpact>(`/api/agents/${agentId}/bookings-to-settle`);
