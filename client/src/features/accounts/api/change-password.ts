import { fetchApi } from '../../../lib/api';

export const changePassword = (currentPassword: string, newPassword: string) =>
  fetchApi<void>('/api/auth/password', { method: 'PUT', body: { currentPassword, newPassword } });
