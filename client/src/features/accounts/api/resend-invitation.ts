import { fetchApi } from '../../../lib/api';
import type { Account } from './types';

export const resendInvitation = (id: string) => fetchApi<Account>(`/api/users/${id}/invitation`, { method: 'POST' });
