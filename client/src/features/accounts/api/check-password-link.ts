import { fetchApi } from '../../../lib/api';
import type { PasswordLink } from './types';

/** What a one-time link is for, or why it no longer works (the token goes in the body, not the URL). */
export const checkPasswordLink = (token: string) => fetchApi<PasswordLink>('/api/auth/password/link', { method: 'POST', body: { token } });
