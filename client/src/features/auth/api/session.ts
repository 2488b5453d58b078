import { fetchApi } from '../../../lib/api';
import { Principal } from '../../../lib/session';

export const login = (email: string, password: string) =>
  fetchApi<Principal>('/api/auth/login', { method: 'POST', body: { email, password } });
export const getProviders = () => fetchApi<{ password: boolean; oidc: boolean }>('/api/auth/providers');
