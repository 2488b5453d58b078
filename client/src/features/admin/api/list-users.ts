import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

export type User = Schemas['UserView'];

/** Every account (admins only). */
export const listUsers = () => fetchApi<User[]>('/api/users');
