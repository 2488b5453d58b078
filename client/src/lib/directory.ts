import type { Schemas } from '../api/schemas';
import { fetchApi, query } from './api';

/** What forms choose from, as the API lists them to the caller (scoped to their département). */
export type Administration = Schemas['AdministrationView'];
export type AgentSummary = Schemas['AgentView'];
export type ConsultationType = Schemas['ConsultationTypeView'];
export type Site = Schemas['MsapSiteView'];
export type Booth = Schemas['BoothView'];

export const listAdministrations = () => fetchApi<Administration[]>('/api/administrations');
export const listAgents = (administrationId?: string) => fetchApi<AgentSummary[]>(`/api/agents${query({ administrationId })}`);
export const listConsultationTypes = (administrationId?: string) =>
  fetchApi<ConsultationType[]>(`/api/consultation-types${query({ administrationId })}`);
export const listSites = () => fetchApi<Site[]>('/api/msap-sites');
export const listBooths = (siteId: string) => fetchApi<Booth[]>(`/api/msap-sites/${siteId}/booths`);
