import { fetchApi } from '../../../lib/api';
import { Principal } from '../../../lib/session';
import type { Schemas } from '../../../api/schemas';

export const login = (email: string, password: string) =>
  fetchApi<Principal>('/api/auth/login', { method: 'POST', body: { email, password } });
export const getProviders = () => fetchApi<Schemas['LoginProvidersView']>('/api/auth/providers');
