import type { Schemas } from '../../../api/schemas';
import { fetchApi, query } from '../../../lib/api';

export type DeskDay = Schemas['DeskDayView'];
export type DeskConsultation = Schemas['DeskConsultationView'];
export type DeskAlert = Schemas['DeskAlertView'];

export const getDesk = (date?: string) => fetchApi<DeskDay>(`/api/desk${query({ date })}`);

export const sendDeskMessage = (consultationId: string, body: string) =>
  fetchApi<Schemas['DeskMessageView']>(`/api/consultations/${encodeURIComponent(consultationId)}/desk-messages`, { method: 'POST', body: { body } });
