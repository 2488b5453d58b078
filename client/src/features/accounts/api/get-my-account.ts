import { fetchApi } from '../../../lib/api';
import type { MyAccount } from './types';

export const getMyAccount = () => fetchApi<MyAccount>('/api/auth/account');
