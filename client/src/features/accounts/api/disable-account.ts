import { fetchApi } from '../../../lib/api';
import type { Account } from './types';

export const disableAccount = (id: string) => fetchApi<Account>(`/api/users/${id}/disable`, { method: 'POST' });
