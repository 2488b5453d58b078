import { fetchApi } from '../../../lib/api';
import type { Account } from './types';

/** Every account, with its state and sign-in methods (admins only). */
export const listAccounts = () => fetchApi<Account[]>('/api/users');
