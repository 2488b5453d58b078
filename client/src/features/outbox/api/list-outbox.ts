import { fetchApi, query } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type OutboxItem = Schemas['OutboxItemView'];
export type OutboxPage = Schemas['OutboxPageView'];

export const listOutbox = (q: { page?: number; pageSize?: number; status?: string; channel?: string }) =>
  fetchApi<OutboxPage>(`/api/notifications/outbox${query(q)}`);
