import { fetchApi } from '../../../lib/api';
import type { Account } from './types';

export const enableAccount = (id: string) => fetchApi<Account>(`/api/users/${id}/enable`, { method: 'POST' });
