import { fetchApi } from '../../../lib/api';
import { query } from './query';
import { Consultation, ConsultationStatus } from './types';

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
