import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type Device = Schemas['DeviceView'];

export const createPairingCode = (boothId: string) =>
  fetchApi<Schemas['PairingCodeView']>(`/api/booths/${boothId}/pairing-codes`, { method: 'POST' });
export const listDevices = () => fetchApi<Device[]>('/api/devices');
export const revokeDevice = (id: string) => fetchApi<void>(`/api/devices/${id}`, { method: 'DELETE' });
