import { fetchApi } from '../../../lib/api';
import type { Account, AccountChanges } from './types';

export const updateAccount = (id: string, changes: AccountChanges) => fetchApi<Account>(`/api/users/${id}`, { method: 'PATCH', body: changes });
