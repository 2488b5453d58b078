import type { Schemas } from '../../../api/schemas';
import { fetchApi, query } from '../../../lib/api';

export type AuditEvent = Schemas['AuditEventView'];

/** The latest entries of the audit log, newest first (admins only); the whole log is on /admin/journal. */
export const listAudit = async (limit: number) => (await fetchApi<Schemas['AuditPageView']>(`/api/audit${query({ limit })}`)).items;
