import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { UserPrincipal } from '../../auth/principal';
import { DomainError } from '../../common/errors/domain.error';
import { canManageSite } from '../../directory/site-access';
import { ListToCallQueryDto } from './dto/list-to-call.dto';
import { ToCallItemView, ToCallPageView } from './dto/to-call.view';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

interface Row {
  id: string;
  consultation_id: string;
  event: string;
  recipient: string;
  body: string;
  created_at: Date;
  earlier: number;
  citizen_name: string;
  starts_at: Date;
  msap_site_name: string;
  booth_name: string;
  administration: string;
  total: string;
}

/** Which MSAPs' calls a caller handles (`s` the consultation's MSAP), its parameter bound at `$index`. */
function scope(user: UserPrincipal, index: number): { sql: string; params: unknown[] } {
  switch (user.role) {
    case 'admin':
      return { sql: 'true', params: [] };
    case 'coordinator':
      // Coordinators without a département see nothing rather than everything.
      return { sql: `s.departement = $${index}`, params: [user.departement ?? ''] };
    default:
      return { sql: `s.id = $${index}`, params: [user.msapSiteId ?? NIL_UUID] };
  }
}

/**
 * The list of citizens to call (outbox rows of channel `call`, written by OutboxService when a
 * citizen has neither a mobile nor an e-mail) and its one action: "called". A later change of the
 * same appointment supersedes what was not told yet, so each appointment is one line (its latest
 * change), and marking it called settles the earlier ones with it.
 */
@Injectable()
export class ToCallService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: UserPrincipal, query: ListToCallQueryDto): Promise<ToCallPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where = scope(user, 3);
    const rows: Row[] = await this.dataSource.query(
      `WITH waiting AS (
         SELECT o.id, o.consultation_id, o.event, o.recipient, o.body, o.created_at,
                row_number() OVER (PARTITION BY o.consultation_id ORDER BY o.created_at DESC, o.revision DESC, o.id DESC) AS rank,
                count(*) OVER (PARTITION BY o.consultation_id) - 1 AS earlier
           FROM notification_outbox o
          WHERE o.status = 'to_call' AND o.erased_at IS NULL)
       SELECT w.id, w.consultation_id, w.event, w.recipient, w.body, w.created_at, w.earlier::int AS earlier,
              c.citizen_name, c.starts_at, s.name AS msap_site_name, b.name AS booth_name, adm.name AS administration,
              count(*) OVER () AS total
         FROM waiting w
         JOIN consultations c ON c.id = w.consultation_id
         JOIN booths b ON b.id = c.booth_id
         JOIN msap_sites s ON s.id = b.msap_site_id
         JOIN administrations adm ON adm.id = c.administration_id
        -- Once the appointment's time has come, there is nothing left to tell.
        WHERE w.rank = 1 AND c.starts_at > now() AND ${where.sql}
        ORDER BY c.starts_at, w.id
        LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize, ...where.params],
    );
    const total = rows[0] ? Number(rows[0].total) : 0;
    return { total, page, pageSize, items: rows.map(toView) };
  }

  /**
   * Marks a call made, with the earlier calls of the same appointment it covered; audited in the
   * same transaction. 404 for an unknown id or one outside the caller's MSAPs, 409 once made.
   */
  async markHandled(user: UserPrincipal, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [call] = (await tx.query(
        `SELECT o.id, o.consultation_id, o.event, o.status, s.id AS msap_site_id, s.departement
           FROM notification_outbox o
           JOIN consultations c ON c.id = o.consultation_id
           JOIN booths b ON b.id = c.booth_id
           JOIN msap_sites s ON s.id = b.msap_site_id
          WHERE o.id = $1 AND o.channel = 'call'
          FOR UPDATE OF o`,
        [id],
      )) as Array<{ id: string; consultation_id: string; event: string; status: string; msap_site_id: string; departement: string }>;
      // Outside the caller's MSAPs answers like an unknown id: other sites' calls are not probed.
      if (!call || !canManageSite(user, { id: call.msap_site_id, departement: call.departement })) {
        throw new DomainError('NOT_FOUND', 'No such call to make.');
      }
      if (call.status !== 'to_call') throw new DomainError('CONFLICT', 'This call is already marked as made.');
      const [settled] = (await tx.query(
        `WITH settled AS (
           UPDATE notification_outbox
              SET status = 'called', handled_at = now(), handled_by_id = $3, updated_at = now()
            -- Compared in SQL: a JavaScript Date would drop the microseconds of created_at.
            WHERE consultation_id = $1 AND channel = 'call' AND status = 'to_call'
              AND created_at <= (SELECT created_at FROM notification_outbox WHERE id = $2)
           RETURNING id)
         SELECT count(*)::int AS n FROM settled`,
        [call.consultation_id, call.id, user.userId],
      )) as [{ n: number }];
      await this.audit.record(
        {
          action: 'to_call.handled',
          actorUserId: user.userId,
          subjectType: 'consultation',
          subjectId: call.consultation_id,
          details: { callId: call.id, event: call.event, covered: settled.n },
        },
        tx,
      );
    });
  }
}

function toView(r: Row): ToCallItemView {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    event: r.event,
    phone: r.recipient === '' ? null : r.recipient,
    citizenName: r.citizen_name,
    startsAt: r.starts_at.toISOString(),
    msapSiteName: r.msap_site_name,
    boothName: r.booth_name,
    administration: r.administration,
    message: r.body,
    createdAt: r.created_at.toISOString(),
    earlier: r.earlier,
  };
}
