import { useApi } from './use-api';
import { AgentSummary, Booth, listAdministrations, listAgents, listBooths, listConsultationTypes, listSites, Site } from './directory';

/** The lists forms choose from: administrations, types, MSAPs, and the agents/booths of a choice. */
export function useDirectory(administrationId: string, siteId: string) {
  const administrations = useApi(listAdministrations, []);
  const types = useApi(() => listConsultationTypes(), []);
  const sites = useApi(listSites, []);
  const agents = useApi(() => listAgents(administrationId || undefined), [administrationId]);
  const booths = useApi(() => (siteId ? listBooths(siteId) : Promise.resolve([] as Booth[])), [siteId]);
  return {
    administrations: administrations.data ?? [],
    types: (types.data ?? []).filter((ty) => ty.active && (!administrationId || ty.administrationId === administrationId)),
    allTypes: types.data ?? [],
    sites: sites.data ?? ([] as Site[]),
    agents: agents.data ?? ([] as AgentSummary[]),
    booths: booths.data ?? [],
  };
}
