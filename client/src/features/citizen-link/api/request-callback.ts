import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';
import { appointmentPath, type CitizenAppointment } from './appointment';

export type CallbackRequest = Schemas['RequestCallbackDto'];

/** 409 CALLBACK_ALREADY_REQUESTED while one waits; 422 on the phone or the note. */
export const requestCallback = (token: string, body: CallbackRequest) =>
  fetchApi<CitizenAppointment>(`${appointmentPath(token)}/callback-request`, { method: 'POST', body });
