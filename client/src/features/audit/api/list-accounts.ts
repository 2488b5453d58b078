import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

export type Account = Pick<Schemas['UserView'], 'id' | 'displayName' | 'email'>;

/** The accounts, to filter the log by who acted (admins only). */
export const listAccounts = () => fetchApi<Account[]>('/api/users');
