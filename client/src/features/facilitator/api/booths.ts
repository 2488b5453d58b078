import { fetchApi } from '../../../lib/api';

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
export interface Device {
  id: string;
  label: string;
  boothId: string;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  booth?: Booth;
}

export const listSites = () => fetchApi<Site[]>('/api/msap-sites');
export const listBooths = (siteId: string) => fetchApi<Booth[]>(`/api/msap-sites/${siteId}/booths`);
export const createPairingCode = (boothId: string) =>
  fetchApi<{ code: string; expiresAt: string; boothId: string }>(`/api/booths/${boothId}/pairing-codes`, { method: 'POST' });
export const listDevices = () => fetchApi<Device[]>('/api/devices');
export const revokeDevice = (id: string) => fetchApi<void>(`/api/devices/${id}`, { method: 'DELETE' });
