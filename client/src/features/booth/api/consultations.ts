import { fetchApi } from '../../../lib/api';

export interface Consultation {
  id: string;
  boothId: string;
  agentId: string;
  administrationId: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled' | 'done' | 'no_show';
}

export const listConsultations = (from: string, to: string) =>
  fetchApi<Consultation[]>(`/api/consultations?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
