import { fetchApi } from '../../../lib/api';
import { Booth } from '../../../lib/directory';

export interface Device {
  id: string;
  label: string;
  boothId: string;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  booth?: Booth;
}

export const createPairingCode = (boothId: string) =>
  fetchApi<{ code: string; expiresAt: string; boothId: string }>(`/api/booths/${boothId}/pairing-codes`, { method: 'POST' });
export const listDevices = () => fetchApi<Device[]>('/api/devices');
export const revokeDevice = (id: string) => fetchApi<void>(`/api/devices/${id}`, { method: 'DELETE' });
