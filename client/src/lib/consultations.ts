import { fetchApi, query } from './api';
import type { QueryOf, Schemas } from '../api/schemas';

/** Consultations as the API answers them (its OpenAPI schemas); instants are ISO 8601 with their offset. */
export type ConsultationStatus = Schemas['ConsultationStatus'];
/** The outcome the agent records after the call: held, or the citizen did not come. */
export type ConsultationOutcome = Schemas['RecordOutcomeDto']['status'];
export type Consultation = Schemas['ConsultationListItem'];

/** DSFR badge severity of each status, the same on every list. */
export const STATUS_SEVERITY = {
  scheduled: 'info',
  in_progress: 'new',
  ended: 'warning',
  cancelled: 'error',
  done: 'success',
  no_show: 'warning',
} as const satisfies Record<ConsultationStatus, string>;

/** Over without a recorded outcome: the agent is asked for one (held, or citizen absent). */
export const awaitsOutcome = (c: Pick<Consultation, 'status' | 'endsAt'>, now = Date.now()): boolean =>
  c.status === 'ended' || (c.status === 'scheduled' && new Date(c.endsAt).getTime() < now);

/** Statuses whose call can still be entered. */
export const isOpen = (status: ConsultationStatus): boolean => status === 'scheduled' || status === 'in_progress';

export type ConsultationFilters = Omit<QueryOf<'ConsultationsController_list'>, 'from' | 'to'>;

/** The caller's consultations overlapping [from, to) (boards, agendas), names joined. */
export const listConsultations = (from: string, to: string, filters: ConsultationFilters = {}) =>
  fetchApi<Consultation[]>(`/api/consultations${query({ from, to, ...filters })}`);

export const getConsultation = (id: string) => fetchApi<Consultation>(`/api/consultations/${encodeURIComponent(id)}`);

/** Held or citizen absent, with the agent's short note (at most 1,000 characters). */
export const recordOutcome = (id: string, status: ConsultationOutcome, note: string) =>
  fetchApi<Consultation>(`/api/consultations/${encodeURIComponent(id)}/outcome`, { method: 'POST', body: { status, ...(note.trim() ? { note: note.trim() } : {}) } });
