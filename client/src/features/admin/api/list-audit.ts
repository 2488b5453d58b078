import type { Schemas } from '../../../api/schemas';
import { fetchApi, query } from '../../../lib/api';

export type AuditEvent = Schemas['AuditEventView'];

/** The latest entries of the audit log, newest first (admins only). */
export const listAudit = (limit: number) => fetchApi<AuditEvent[]>(`/api/audit${query({ limit })}`);
