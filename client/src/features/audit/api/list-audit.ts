import type { Schemas } from '../../../api/schemas';
import { fetchApi, query } from '../../../lib/api';

export type AuditEntry = Schemas['AuditEventView'];
export type AuditPage = Schemas['AuditPageView'];

export interface AuditFilters {
  actorUserId?: string;
  family?: string;
  action?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

/** One page of the audit log, newest first (admins only); `before` is the previous page's `nextBefore`. */
export const listAudit = (filters: AuditFilters, limit: number, before?: string) =>
  fetchApi<AuditPage>(`/api/audit${query({ ...filters, limit, before })}`);

/** The URL of the CSV of the whole filtered log (a download, streamed by the server). */
export const auditCsvUrl = (filters: AuditFilters) => `/api/audit${query({ ...filters, format: 'csv' })}`;
