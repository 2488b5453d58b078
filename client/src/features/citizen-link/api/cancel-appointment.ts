import { fetchApi } from '../../../lib/api';
import { appointmentPath, type CitizenAppointment } from './appointment';

/** 409 TOO_LATE once it has started; CONSULTATION_CANCELLED when it already was. */
export const cancelAppointment = (token: string) => fetchApi<CitizenAppointment>(`${appointmentPath(token)}/cancel`, { method: 'POST' });
