import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { ConsultationStatus } from '../consultations/entities/consultation.entity';

/** A consultation as its citizen and its slip describe it. */
export interface AppointmentRow {
  consultationId: string;
  status: ConsultationStatus;
  startsAt: Date;
  endsAt: Date;
  citizenName: string;
  citizenPhone: string | null;
  /** Whether the citizen gets SMS or e-mails (a mobile or an address); never shown to them as such. */
  citizenMobile: string | null;
  citizenEmail: string | null;
  siteId: string;
  siteName: string;
  siteAddress: string;
  /** The France Services phone (E.164), when the directory has it. */
  sitePhone: string | null;
  departement: string;
  boothName: string;
  administration: string;
  subject: string | null;
  documents: string[] | null;
  /** The latest callback request, open or handled. */
  callback: { requestedAt: Date; handledAt: Date | null } | null;
}

/** The appointment behind a link, with the link's end. */
export interface LinkedAppointmentRow extends AppointmentRow {
  expiresAt: Date;
}

export interface CallbackRequestRow {
  id: string;
  consultationId: string;
  phone: string | null;
  note: string | null;
  requestedAt: Date;
  handledAt: Date | null;
  handledByName: string | null;
  erased: boolean;
  citizenName: string;
  startsAt: Date;
  consultationStatus: ConsultationStatus;
  siteId: string;
  siteName: string;
  departement: string;
  boothName: string;
  administration: string;
  subject: string | null;
}

/** `c` the consultation, `b` its booth, `s` its site, `adm` its administration, `t` its type. */
const APPOINTMENT = `c.id AS "consultationId", c.status, c.starts_at AS "startsAt", c.ends_at AS "endsAt",
       c.citizen_name AS "citizenName", coalesce(c.citizen_phone, c.citizen_landline) AS "citizenPhone",
       c.citizen_phone AS "citizenMobile", c.citizen_email AS "citizenEmail",
       s.id AS "siteId", s.name AS "siteName", s.address || ', ' || s.postal_code || ' ' || s.city AS "siteAddress",
       s.phone AS "sitePhone", s.departement, b.name AS "boothName", adm.name AS administration, t.subject, t.documents,
       (SELECT json_build_object('requestedAt', r.requested_at, 'handledAt', r.handled_at) FROM callback_requests r
         WHERE r.consultation_id = c.id ORDER BY r.requested_at DESC LIMIT 1) AS callback`;
const JOINS = `JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id
  JOIN administrations adm ON adm.id = c.administration_id
  LEFT JOIN consultation_types t ON t.id = c.consultation_type_id`;

const CALLBACK = `SELECT r.id, r.consultation_id AS "consultationId", r.phone, r.note, r.requested_at AS "requestedAt",
       r.handled_at AS "handledAt", hu.display_name AS "handledByName", r.erased_at IS NOT NULL AS erased,
       c.citizen_name AS "citizenName", c.starts_at AS "startsAt", c.status AS "consultationStatus",
       s.id AS "siteId", s.name AS "siteName", s.departement, b.name AS "boothName", adm.name AS administration, t.subject
  FROM callback_requests r JOIN consultations c ON c.id = r.consultation_id ${JOINS}
  LEFT JOIN users hu ON hu.id = r.handled_by_id`;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** How many requests a list shows: open ones are few; handled ones are the recent past. */
const LIST_LIMIT = 200;

/** The sites whose requests a user sees (a `s` msap_sites row), from `$first`: the same rule as bookings. */
function visibleSites(user: UserPrincipal, first: number): { sql: string; params: unknown[] } {
  switch (user.role) {
    case 'admin':
      return { sql: 'TRUE', params: [] };
    case 'coordinator':
      return { sql: `s.departement = $${first}`, params: [user.departement ?? ''] };
    case 'facilitator':
      return { sql: `s.id = $${first}`, params: [user.msapSiteId ?? NIL_UUID] };
    case 'agent':
      return { sql: 'FALSE', params: [] };
  }
}

/** A row as the driver gives it: json_build_object's instants are text. */
type Raw<T extends AppointmentRow> = Omit<T, 'callback'> & { callback: { requestedAt: string; handledAt: string | null } | null };

function withCallback<T extends AppointmentRow>(row: Raw<T>): T {
  const raw = row.callback;
  return { ...row, callback: raw ? { requestedAt: new Date(raw.requestedAt), handledAt: raw.handledAt ? new Date(raw.handledAt) : null } : null } as T;
}

/**
 * The tables of the citizen's link (citizen_links, callback_requests). Consultations are only read
 * here, joined for what a citizen or a list is shown; they change through ConsultationsService.
 */
@Injectable()
export class CitizenLinkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byTokenHash(hash: string): Promise<LinkedAppointmentRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${APPOINTMENT}, l.expires_at AS "expiresAt" FROM citizen_links l JOIN consultations c ON c.id = l.consultation_id ${JOINS}
        WHERE l.token_hash = $1`,
      [hash],
    )) as Array<Raw<LinkedAppointmentRow>>;
    return row ? withCallback<LinkedAppointmentRow>(row) : undefined;
  }

  /** A consultation for a slip, if the user may see it (the booking rights). */
  async appointment(user: UserPrincipal, consultationId: string): Promise<AppointmentRow | undefined> {
    const scope = visibleSites(user, 2);
    const [row] = (await this.dataSource.query(`SELECT ${APPOINTMENT} FROM consultations c ${JOINS} WHERE c.id = $1 AND ${scope.sql}`, [
      consultationId,
      ...scope.params,
    ])) as Array<Raw<AppointmentRow>>;
    return row ? withCallback<AppointmentRow>(row) : undefined;
  }

  /**
   * Links for consultations already written, in the caller's transaction: each expires `days` after
   * its consultation's end.
   */
  async insertLinks(tx: EntityManager, links: ReadonlyArray<{ hash: string; consultationId: string }>, purpose: 'booking' | 'slip', days: number): Promise<void> {
    if (links.length === 0) return;
    await tx.query(
      `INSERT INTO citizen_links (token_hash, consultation_id, purpose, expires_at)
       SELECT i.hash, c.id, $3, c.ends_at + make_interval(days => $4)
         FROM unnest($1::text[], $2::uuid[]) AS i(hash, consultation_id) JOIN consultations c ON c.id = i.consultation_id`,
      [links.map((l) => l.hash), links.map((l) => l.consultationId), purpose, days],
    );
  }

  /** After a move: the links follow the appointment's new end. */
  async followMove(tx: EntityManager, consultationId: string, days: number): Promise<void> {
    await tx.query(
      `UPDATE citizen_links l SET expires_at = c.ends_at + make_interval(days => $2) FROM consultations c
        WHERE c.id = l.consultation_id AND l.consultation_id = $1`,
      [consultationId, days],
    );
  }

  /** The citizen's data erased: their links stop working for good, their requests lose the phone and the note. */
  async eraseFor(tx: EntityManager, consultationIds: readonly string[]): Promise<void> {
    await tx.query(`DELETE FROM citizen_links WHERE consultation_id = ANY($1::uuid[])`, [consultationIds]);
    await tx.query(
      `UPDATE callback_requests SET phone = NULL, note = NULL, erased_at = now() WHERE consultation_id = ANY($1::uuid[]) AND erased_at IS NULL`,
      [consultationIds],
    );
  }

  /** A new open request; undefined when one is already open for this consultation. */
  async insertCallback(tx: EntityManager, consultationId: string, phone: string, note: string | null): Promise<string | undefined> {
    const rows = (await tx.query(
      `INSERT INTO callback_requests (consultation_id, phone, note) VALUES ($1, $2, $3)
       ON CONFLICT (consultation_id) WHERE handled_at IS NULL DO NOTHING RETURNING id`,
      [consultationId, phone, note],
    )) as Array<{ id: string }>;
    return rows[0]?.id;
  }

  listCallbacks(user: UserPrincipal, handled: boolean): Promise<CallbackRequestRow[]> {
    const scope = visibleSites(user, 1);
    const order = handled ? 'r.handled_at DESC' : 'r.requested_at';
    return this.dataSource.query(
      `${CALLBACK} WHERE ${scope.sql} AND r.handled_at IS ${handled ? 'NOT NULL' : 'NULL'} ORDER BY ${order}, r.id LIMIT ${LIST_LIMIT}`,
      scope.params,
    );
  }

  async callback(user: UserPrincipal, id: string, tx?: EntityManager): Promise<CallbackRequestRow | undefined> {
    const scope = visibleSites(user, 2);
    const [row] = (await (tx ?? this.dataSource).query(`${CALLBACK} WHERE r.id = $1 AND ${scope.sql}`, [id, ...scope.params])) as CallbackRequestRow[];
    return row;
  }

  /** Closes an open request; false when it was already closed (by someone else meanwhile). */
  async markHandled(tx: EntityManager, id: string, userId: string): Promise<boolean> {
    const [, count] = (await tx.query(`UPDATE callback_requests SET handled_at = now(), handled_by_id = $2 WHERE id = $1 AND handled_at IS NULL`, [id, userId])) as [
      unknown,
      number,
    ];
    return count > 0;
  }

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }
}
