import { fetchApi } from '../../../lib/api';
import type { AbsenceImpact } from './declare-absence';

/** The bookings an absence still hits (those not yet moved, reassigned or cancelled), each with its free colleagues. */
export const getAbsenceImpact = (agentId: string, absenceId: string) =>
  fetchApi<AbsenceImpact>(`/api/agents/${encodeURIComponent(agentId)}/absences/${encodeURIComponent(absenceId)}/impact`);
