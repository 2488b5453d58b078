import { fetchApi } from '../../../lib/api';

/** 204; the bookings it hit stay where they were put. */
export const deleteAbsence = (agentId: string, absenceId: string) =>
  fetchApi<void>(`/api/agents/${encodeURIComponent(agentId)}/absences/${encodeURIComponent(absenceId)}`, { method: 'DELETE' });
