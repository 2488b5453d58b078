import { fetchApi } from '../../../lib/api';
import type { Account } from './types';

export const sendPasswordReset = (id: string) => fetchApi<Account>(`/api/users/${id}/password-reset`, { method: 'POST' });
