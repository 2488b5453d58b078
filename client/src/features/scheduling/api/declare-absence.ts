import { fetchApi } from '../../../lib/api';
import { Consultation } from '../../../lib/consultations';

export interface AbsenceImpact {
  absence: { id: string; startsAt: string; endsAt: string; reason: string };
  /** Each booking with the names of its booth, MSAP and type, and the colleagues free to take it. */
  affected: Array<{ consultation: Consultation; replacements: Array<{ agentId: string; displayName: string }> }>;
}

/** Records the absence and answers the bookings it affects, each with the colleagues free to take it. */
export const declareAbsence = (agentId: string, input: { startsAt: string; endsAt: string; reason?: string }) =>
  fetchApi<AbsenceImpact>(`/api/agents/${agentId}/absences`, { method: 'POST', body: input });
