import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { csvCell } from '../common/http/csv';
import { parisDay, toParisIso } from '../common/time/paris-time';
import { AuditService } from './audit.service';
import { AuditEventView, AuditPageView } from './dto/audit-event.view';
import { ListAuditQueryDto } from './dto/list-audit.dto';

const DEFAULT_LIMIT = 50;
/** Rows read per query while streaming a CSV: the export never holds the log in memory. */
const EXPORT_BATCH = 1000;

interface AuditRow {
  id: string;
  at: Date;
  action: AuditEventView['action'];
  actor_user_id: string | null;
  actor_device_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  subject_type: string | null;
  subject_id: string | null;
  subject_label: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

/**
 * Names for the subjects people know. Only for the types whose ids are uuids (the cast is reached
 * for those only); a subject deleted since keeps its id and no label, except an absence, named by its
 * agent (kept in its details).
 */
const SUBJECT_LABEL = `CASE e.subject_type
    WHEN 'user' THEN (SELECT su.display_name FROM users su WHERE su.id = e.subject_id::uuid)
    WHEN 'agent' THEN (SELECT au.display_name FROM agents ag JOIN users au ON au.id = ag.user_id WHERE ag.id = e.subject_id::uuid)
    WHEN 'msap_site' THEN (SELECT s.name FROM msap_sites s WHERE s.id = e.subject_id::uuid)
    WHEN 'booth' THEN (SELECT b.name || ' · ' || s.name FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE b.id = e.subject_id::uuid)
    WHEN 'administration' THEN (SELECT a.name FROM administrations a WHERE a.id = e.subject_id::uuid)
    WHEN 'consultation_type' THEN (SELECT t.subject FROM consultation_types t WHERE t.id = e.subject_id::uuid)
    WHEN 'device' THEN (SELECT d.label FROM devices d WHERE d.id = e.subject_id::uuid)
    WHEN 'absence' THEN (SELECT au.display_name FROM agents ag JOIN users au ON au.id = ag.user_id WHERE ag.id = (e.details->>'agentId')::uuid)
    WHEN 'consultation' THEN (
      SELECT to_char(c.starts_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY HH24:MI') || ' · ' || b.name || ' · ' || s.name
        FROM consultations c JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id WHERE c.id = e.subject_id::uuid)
  END`;

const SELECT = `SELECT e.id, e.at, e.action, e.actor_user_id, e.actor_device_id, e.subject_type, e.subject_id, host(e.ip) AS ip, e.request_id, e.details,
       coalesce(u.display_name, d.label) AS actor_name, u.email AS actor_email, ${SUBJECT_LABEL} AS subject_label
  FROM audit_events e
  LEFT JOIN users u ON u.id = e.actor_user_id
  LEFT JOIN devices d ON d.id = e.actor_device_id`;

const CSV_HEADER = ['id', 'date', 'action', 'acteur', 'e-mail acteur', 'type de cible', 'cible', 'libellé de la cible', 'adresse IP', 'requête', 'détails'];

/**
 * Reading the audit trail: filters (actor, action or family, subject, period), pages newest first
 * (keyset on the id, stable while rows are added), and the CSV of a whole filtered log, streamed.
 * Admins only (the controller says so); an export is itself audited.
 */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async page(query: ListAuditQueryDto): Promise<AuditPageView> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { where, params } = this.filters(query);
    if (query.before) {
      params.push(query.before);
      where.push(`e.id < $${params.length}`);
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(`${SELECT} ${clause(where)} ORDER BY e.id DESC LIMIT $${params.length}`, params)) as AuditRow[];
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(toView);
    return { items, nextBefore: more ? items[items.length - 1]!.id : null };
  }

  /** The filtered log as CSV lines, oldest batch last (newest first, as on screen). Validates and audits before the first line. */
  async export(user: UserPrincipal, query: ListAuditQueryDto): Promise<AsyncIterable<string>> {
    const { where, params } = this.filters(query);
    const filters = Object.fromEntries(Object.entries(query).filter(([key, value]) => value !== undefined && key !== 'format' && key !== 'limit' && key !== 'before'));
    await this.audit.record({ action: 'audit.exported', actorUserId: user.userId, details: { filters } });
    const dataSource = this.dataSource;
    return (async function* lines() {
      yield '\uFEFF' + CSV_HEADER.map(csvCell).join(';') + '\r\n';
      let before: string | null = null;
      for (;;) {
        const batchParams: unknown[] = [...params];
        const batchWhere = [...where];
        if (before !== null) {
          batchParams.push(before);
          batchWhere.push(`e.id < $${batchParams.length}`);
        }
        batchParams.push(EXPORT_BATCH);
        const rows = (await dataSource.query(`${SELECT} ${clause(batchWhere)} ORDER BY e.id DESC LIMIT $${batchParams.length}`, batchParams)) as AuditRow[];
        if (rows.length === 0) return;
        yield rows.map((r) => csvLine(toView(r))).join('');
        if (rows.length < EXPORT_BATCH) return;
        before = rows[rows.length - 1]!.id;
      }
    })();
  }

  private filters(query: ListAuditQueryDto): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (query.actorUserId) add((n) => `e.actor_user_id = $${n}`, query.actorUserId);
    if (query.action) add((n) => `e.action = $${n}`, query.action);
    // A family is the part before the dot; an action without one ('logout') is its own family.
    if (query.family) add((n) => `(e.action = $${n} OR e.action LIKE $${n} || '.%')`, query.family);
    if (query.subjectId) add((n) => `e.subject_id = $${n}`, query.subjectId);
    const first = query.from === undefined ? undefined : parisDay(query.from);
    const last = query.to === undefined ? undefined : parisDay(query.to);
    if (first === null || last === null) {
      throw new DomainError('VALIDATION_FAILED', 'from and to must be days of the calendar.', { ...(first === null ? { from: ['INVALID_FORMAT'] } : {}), ...(last === null ? { to: ['INVALID_FORMAT'] } : {}) });
    }
    if (first && last && last.from < first.from) throw new DomainError('VALIDATION_FAILED', 'to comes before from.', { to: ['END_BEFORE_START'] });
    if (first) add((n) => `e.at >= $${n}`, new Date(first.from));
    if (last) add((n) => `e.at < $${n}`, new Date(last.to));
    return { where, params };
  }
}

const clause = (where: string[]) => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

function toView(r: AuditRow): AuditEventView {
  const kind = r.actor_user_id ? 'user' : r.actor_device_id ? 'device' : 'system';
  return {
    id: String(r.id),
    at: toParisIso(r.at),
    action: r.action,
    actor: { kind, id: r.actor_user_id ?? r.actor_device_id, name: r.actor_name, email: r.actor_email },
    subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id, label: r.subject_label } : null,
    ip: r.ip,
    requestId: r.request_id,
    details: r.details,
  };
}

function csvLine(v: AuditEventView): string {
  const cells = [v.id, v.at, v.action, v.actor.name ?? v.actor.kind, v.actor.email, v.subject?.type, v.subject?.id, v.subject?.label, v.ip, v.requestId, JSON.stringify(v.details)];
  return cells.map(csvCell).join(';') + '\r\n';
}
