import { fetchApi } from '../../../lib/api';
import type { WeeklyRange } from './types';

export const getAvailability = (agentId: string) => fetchApi<WeeklyRange[]>(`/api/agents/${agentId}/availability`);
