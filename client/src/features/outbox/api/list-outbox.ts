import { fetchApi, query } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type OutboxItem = Schemas['OutboxItemView'];
export type OutboxPage = Schemas['OutboxPageView'];

/** Search and filters of the messages page; `from` and `to` are instants (the page sends Paris days). */
export interface OutboxQuery {
  page?: number;
  pageSize?: number;
  status?: string;
  channel?: string;
  event?: string;
  q?: string;
  from?: string;
  to?: string;
}

export const listOutbox = (q: OutboxQuery) => fetchApi<OutboxPage>(`/api/notifications/outbox${query({ ...q })}`);
