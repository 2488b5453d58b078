import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

/** The absence, and each booking it hits with the colleagues free to take it. */
export type AbsenceImpact = Schemas['AbsenceImpactView'];

/** Records the absence and answers the bookings it affects, each with the colleagues free to take it. */
export const declareAbsence = (agentId: string, input: Schemas['UnavailabilityDto']) =>
  fetchApi<AbsenceImpact>(`/api/agents/${agentId}/absences`, { method: 'POST', body: input });
