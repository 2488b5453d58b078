import { fetchApi } from '../../../lib/api';
import type { Account, AccountInput } from './types';

/** Creates the account and e-mails the person a link to choose a password. */
export const inviteAccount = (input: Omit<AccountInput, 'password'>) => fetchApi<Account>('/api/users', { method: 'POST', body: input });
