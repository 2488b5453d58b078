import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type RetentionPolicy = Schemas['RetentionPolicyView'];
export type RetentionRun = Schemas['RetentionRunView'];
export type RetentionStatus = Schemas['RetentionStatusView'];

/** The retention policy in force and what the last sweeps erased (admins only). */
export const getRetention = () => fetchApi<RetentionStatus>('/api/retention');
