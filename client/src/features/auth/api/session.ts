import { fetchApi } from '../../../lib/api';

export type Role = 'admin' | 'coordinator' | 'agent' | 'facilitator';

export type Principal =
  | { kind: 'user'; userId: string; role: Role; displayName: string; departement: string | null; msapSiteId: string | null; csrfToken: string }
  | { kind: 'device'; deviceId: string; boothId: string; msapSiteId: string; csrfToken: string };

export const getMe = () => fetchApi<Principal>('/api/auth/me');
export const login = (email: string, password: string) =>
  fetchApi<Principal>('/api/auth/login', { method: 'POST', body: { email, password } });
export const logout = () => fetchApi<void>('/api/auth/logout', { method: 'POST' });
export const pairDevice = (code: string) => fetchApi<Principal>('/api/devices/pair', { method: 'POST', body: { code } });
export const getProviders = () => fetchApi<{ password: boolean; oidc: boolean }>('/api/auth/providers');
