import { fetchApi, query } from './api';

/** Consultations as the API answers them (see /api/docs); instants are ISO 8601 with their offset. */
export type ConsultationStatus = 'scheduled' | 'cancelled' | 'done' | 'no_show';

export interface Consultation {
  id: string;
  status: ConsultationStatus;
  boothId: string;
  agentId: string;
  administrationId: string;
  consultationTypeId: string | null;
  startsAt: string;
  endsAt: string;
  citizen: { name: string; phone: string | null; email: string | null };
  cancellationReason: string | null;
  cancelledAt: string | null;
  boothName: string;
  msapSiteId: string;
  msapSiteName: string;
  agentName: string;
  administrationName: string;
  subject: string | null;
}

/** DSFR badge severity of each status, the same on every list. */
export const STATUS_SEVERITY = { scheduled: 'info', cancelled: 'error', done: 'success', no_show: 'warning' } as const;

export interface ConsultationFilters {
  msapSiteId?: string;
  boothId?: string;
  agentId?: string;
  administrationId?: string;
  status?: ConsultationStatus;
}

/** The caller's consultations overlapping [from, to) (boards, agendas), names joined. */
export const listConsultations = (from: string, to: string, filters: ConsultationFilters = {}) =>
  fetchApi<Consultation[]>(`/api/consultations${query({ from, to, ...filters })}`);
