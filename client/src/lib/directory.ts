import { fetchApi, query } from './api';

/** What forms choose from, as the API lists them to the caller (scoped to their département). */
export interface Administration {
  id: string;
  name: string;
  departement: string;
}

export interface AgentSummary {
  id: string;
  userId: string;
  displayName: string;
  title: string | null;
  administrationId: string;
}

export interface ConsultationType {
  id: string;
  administrationId: string;
  subject: string;
  durationMinutes: number;
  documents: string[];
  active: boolean;
}

export interface Site {
  id: string;
  name: string;
  city: string;
  departement: string;
}

export interface Booth {
  id: string;
  name: string;
  msapSiteId: string;
}

export const listAdministrations = () => fetchApi<Administration[]>('/api/administrations');
export const listAgents = (administrationId?: string) => fetchApi<AgentSummary[]>(`/api/agents${query({ administrationId })}`);
export const listConsultationTypes = (administrationId?: string) =>
  fetchApi<ConsultationType[]>(`/api/consultation-types${query({ administrationId })}`);
export const listSites = () => fetchApi<Site[]>('/api/msap-sites');
export const listBooths = (siteId: string) => fetchApi<Booth[]>(`/api/msap-sites/${siteId}/booths`);
