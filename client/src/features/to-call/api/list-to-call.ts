import { fetchApi, query } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type ToCallPage = Schemas['ToCallPageView'];
export type ToCallItem = Schemas['ToCallItemView'];

export const listToCall = (page: number, pageSize: number) => fetchApi<ToCallPage>(`/api/to-call${query({ page, pageSize })}`);
