import { fetchApi } from '../../../lib/api';

export const setPassword = (token: string, password: string) => fetchApi<void>('/api/auth/password/reset', { method: 'POST', body: { token, password } });
