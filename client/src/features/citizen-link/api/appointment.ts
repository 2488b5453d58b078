import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

export type CitizenAppointment = Schemas['CitizenAppointmentView'];

export const appointmentPath = (token: string) => `/api/citizen/appointments/${encodeURIComponent(token)}`;

/** The appointment behind the citizen's link (404 LINK_UNKNOWN, 410 LINK_EXPIRED). */
export const getAppointment = (token: string) => fetchApi<CitizenAppointment>(appointmentPath(token));
