import { fetchApi } from '../../../lib/api';
import { query } from './query';
import { AgentSummary } from './types';

export const listAgents = (administrationId?: string) => fetchApi<AgentSummary[]>(`/api/agents${query({ administrationId })}`);
