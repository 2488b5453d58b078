import { fetchApi } from '../../../lib/api';

/** Always answers the same, whether an account has this address or not. */
export const forgotPassword = (email: string) => fetchApi<void>('/api/auth/password/forgot', { method: 'POST', body: { email } });
