import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { CONSULTATION_COLUMNS, ConsultationRow, ConsultationView, toConsultationView } from '../consultations/consultation-view';
import { whyUnavailable } from './availability-check';
import { companionInsert, CompanionRows, ConsultationEvents, ConsultationEventType, NewBooking } from './consultation-events';
import { BookConsultationDto } from './dto/book-consultation.dto';
import { RecordOutcomeDto, RescheduleConsultationDto } from './dto/reschedule-consultation.dto';
import { preparedQuery } from '../database/prepared-query';
import { BookingContext, ScheduleReader } from './schedule-reader';
import { canBookAt } from './scheduling-access';
import { invalid, MAX_RANGE_DAYS } from './time-range';
import { translateWriteError, withRetries } from './write-errors';

const MAX_LENGTH_MS = 8 * 3_600_000;
/** Agendas are planned a year ahead at most; a later date is almost always a typing mistake. */
const MAX_AHEAD_MS = MAX_RANGE_DAYS * 86_400_000;

interface Current extends ConsultationRow {
  msap_site_id: string;
  departement: string;
  agent_user_id: string;
}

/**
 * Books, moves, reassigns and cancels consultations. Each change is one transaction; the exclusion
 * constraints decide every race on a booth or an agent, this service only turns their verdict into a
 * 409 naming the resource. Checks here (rights, availability) make errors clear, not safe.
 */
@Injectable()
export class BookingService {
  /** The booking statement's text and name per companion shape (one in practice). */
  private readonly statements = new Map<string, { name: string; text: string }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ScheduleReader,
    private readonly events: ConsultationEvents,
  ) {}

  async book(user: UserPrincipal, dto: BookConsultationDto, now = Date.now()): Promise<ConsultationView> {
    const start = new Date(dto.startsAt).getTime();
    checkStart(start, now);
    const givenEnd = dto.endsAt === undefined ? null : new Date(dto.endsAt).getTime();
    checkLength(start, givenEnd);
    const ctx = await this.reader.bookingContext(dto.boothId, dto.agentId, dto.consultationTypeId, new Date(start), new Date(givenEnd ?? start + MAX_LENGTH_MS));
    const { booth, agent, type } = this.checkResources(user, ctx);
    if (!type) throw invalid('consultationTypeId', 'does not name a consultation type');
    if (!type.active) throw invalid('consultationTypeId', 'names a retired consultation type');
    if (type.administrationId !== agent.administrationId) throw invalid('agentId', 'does not work for the administration of this consultation type');
    const end = givenEnd ?? start + type.durationMinutes * 60_000;
    const why = whyUnavailable(ctx, start, end);
    if (why) throw invalid('startsAt', why);

    const booking: NewBooking = {
      id: randomUUID(),
      startsAt: new Date(start),
      endsAt: new Date(end),
      citizen: { name: dto.citizen.name, phone: dto.citizen.phone ?? null, email: dto.citizen.email ?? null },
      booth: { name: booth.name, msapName: booth.msapName, msapAddress: booth.msapAddress, departement: booth.departement },
      administration: agent.administrationName,
      agent: { name: agent.displayName, email: agent.email },
      type: { subject: type.subject, documents: type.documents },
    };
    const companions = this.events.companionsOfBooking(booking);
    const { name, text } = bookingStatement(companions, this.statements);
    // One statement, so no transaction to open and commit: the consultation and its companions
    // (outbox rows) are written together or not at all. DO NOTHING works with exclusion constraints:
    // a taken interval inserts no row (and so no companion) instead of raising, and concurrent
    // inserts wait for each other without deadlocking.
    const params = [
      booking.id, booth.id, agent.id, type.administrationId, type.id, booking.startsAt, booking.endsAt,
      booking.citizen.name, booking.citizen.phone, booking.citizen.email, user.userId,
      ...companions.flatMap((c) => c.values),
    ];
    let row: ConsultationRow | undefined;
    try {
      [row] = await withRetries(() => preparedQuery<ConsultationRow>(this.dataSource, name, text, params));
    } catch (error) {
      throw translateWriteError(error);
    }
    if (!row) throw await this.takenBy(booth.id, agent.id, start, end);
    return toConsultationView(row);
  }

  /** Moves a consultation in time, to another booth or to another agent, atomically. */
  reschedule(user: UserPrincipal, id: string, dto: RescheduleConsultationDto, now = Date.now()): Promise<ConsultationView> {
    if (dto.startsAt === undefined && dto.endsAt === undefined && dto.boothId === undefined && dto.agentId === undefined) {
      throw invalid('startsAt', 'or endsAt, boothId, agentId must be given');
    }
    return this.move(user, id, dto, 'rescheduled', now);
  }

  /** Hands a consultation over to another agent of the same administration, same time, same booth. */
  async reassign(user: UserPrincipal, id: string, agentId: string, now = Date.now()): Promise<ConsultationView> {
    return this.move(user, id, { agentId }, 'reassigned', now);
  }

  async cancel(user: UserPrincipal, id: string, reason: string): Promise<ConsultationView> {
    const current = await this.current(id);
    this.assertCanBook(user, current);
    return this.write(async (tx) => {
      const row = await this.updateScheduled(
        tx,
        id,
        `status = 'cancelled', cancellation_reason = $2, cancelled_at = now(), updated_at = now()`,
        [reason.trim()],
      );
      await this.events.publish(tx, { type: 'cancelled', consultationId: id, actorUserId: user.userId, reason: reason.trim() });
      return row;
    });
  }

  /** Done or no-show, once the consultation has started: by its agent or by whoever books at the MSAP. */
  async recordOutcome(user: UserPrincipal, id: string, dto: RecordOutcomeDto, now = Date.now()): Promise<ConsultationView> {
    const current = await this.current(id);
    const isOwnAgent = user.role === 'agent' && current.agent_user_id === user.userId;
    if (!isOwnAgent) this.assertCanBook(user, current);
    // Its call may have been held a little before the booked time (the booth enters early).
    const callHeld = current.status === 'in_progress' || current.status === 'ended' || current.call_started_at !== null;
    if (current.starts_at.getTime() > now && !callHeld) throw invalid('status', 'can be recorded only once the consultation has started');
    if (current.status === 'cancelled') throw new DomainError('CONFLICT', 'This consultation was cancelled.');
    const note = dto.note?.trim() || null;
    // Any status but cancelled: the agent records it after the call, or corrects it later.
    return this.write(async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE consultations SET status = $2, outcome_note = $3, outcome_recorded_at = now(), updated_at = now(),
                call_ended_at = CASE WHEN status = 'in_progress' THEN now() ELSE call_ended_at END
          WHERE id = $1 AND status <> 'cancelled' RETURNING ${CONSULTATION_COLUMNS}`,
        [id, dto.status, note],
      )) as [ConsultationRow[], number];
      if (!rows[0]) throw new DomainError('CONFLICT', 'This consultation was cancelled.');
      return rows[0];
    });
  }

  private async move(
    user: UserPrincipal,
    id: string,
    change: { startsAt?: string; endsAt?: string; boothId?: string; agentId?: string },
    eventType: ConsultationEventType,
    now: number,
  ): Promise<ConsultationView> {
    const current = await this.current(id);
    this.assertCanBook(user, current);
    if (current.status !== 'scheduled') throw new DomainError('CONFLICT', `This consultation is ${current.status}.`);
    const length = current.ends_at.getTime() - current.starts_at.getTime();
    const start = change.startsAt === undefined ? current.starts_at.getTime() : new Date(change.startsAt).getTime();
    const end = change.endsAt === undefined ? start + length : new Date(change.endsAt).getTime();
    checkStart(start, now);
    checkLength(start, end);
    const ctx = await this.reader.bookingContext(change.boothId ?? current.booth_id, change.agentId ?? current.agent_id, null, new Date(start), new Date(end));
    const { booth, agent } = this.checkResources(user, ctx);
    if (agent.administrationId !== current.administration_id) throw invalid('agentId', 'does not work for the administration of this consultation');
    const why = whyUnavailable(ctx, start, end);
    if (why) throw invalid(change.startsAt === undefined ? 'agentId' : 'startsAt', why);

    return this.write(async (tx) => {
      const row = await this.updateScheduled(tx, id, `booth_id = $2, agent_id = $3, starts_at = $4, ends_at = $5, updated_at = now()`, [
        booth.id,
        agent.id,
        new Date(start),
        new Date(end),
      ]);
      await this.events.publish(tx, {
        type: eventType,
        consultationId: id,
        actorUserId: user.userId,
        previous: { boothId: current.booth_id, agentId: current.agent_id, startsAt: current.starts_at, endsAt: current.ends_at },
      });
      return row;
    });
  }

  /** The 409 for an interval found taken: names the booth, the agent, or both. */
  private async takenBy(boothId: string, agentId: string, start: number, end: number): Promise<DomainError> {
    const [taken] = await preparedQuery<{ booth: boolean | null; agent: boolean | null }>(
      this.dataSource,
      'scheduling-taken-by',
      `SELECT bool_or(booth_id = $1) AS booth, bool_or(agent_id = $2) AS agent FROM consultations
        WHERE (booth_id = $1 OR agent_id = $2) AND status <> 'cancelled' AND tstzrange(starts_at, ends_at, '[)') && tstzrange($3, $4, '[)')`,
      [boothId, agentId, new Date(start), new Date(end)],
    );
    const fields: Record<string, string[]> = {};
    if (taken?.booth) fields.boothId = ['booth already booked at that time'];
    if (taken?.agent) fields.agentId = ['agent already booked at that time'];
    const who = taken?.booth && taken.agent ? 'The booth and the agent are' : taken?.booth ? 'The booth is' : taken?.agent ? 'The agent is' : 'This interval was';
    return new DomainError('CONFLICT', `${who} already booked at that time.`, Object.keys(fields).length > 0 ? fields : { startsAt: ['interval taken'] });
  }

  /** Only a consultation still scheduled changes: the WHERE settles a race with a cancellation. */
  private async updateScheduled(tx: EntityManager, id: string, set: string, params: unknown[]): Promise<ConsultationRow> {
    const [rows] = (await tx.query(`UPDATE consultations SET ${set} WHERE id = $1 AND status = 'scheduled' RETURNING ${CONSULTATION_COLUMNS}`, [
      id,
      ...params,
    ])) as [ConsultationRow[], number];
    if (!rows[0]) throw new DomainError('CONFLICT', 'This consultation is no longer scheduled.');
    return rows[0];
  }

  private async current(id: string): Promise<Current> {
    const [row] = (await this.dataSource.query(
      `SELECT ${CONSULTATION_COLUMNS.replace(/(\w+)/g, 'c.$1')}, b.msap_site_id, s.departement, a.user_id AS agent_user_id
         FROM consultations c JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id JOIN agents a ON a.id = c.agent_id
        WHERE c.id = $1`,
      [id],
    )) as Current[];
    if (!row) throw new DomainError('NOT_FOUND', 'No such consultation.');
    return row;
  }

  private assertCanBook(user: UserPrincipal, c: Current): void {
    if (!canBookAt(user, { id: c.msap_site_id, departement: c.departement })) {
      throw new DomainError('FORBIDDEN', 'This consultation is at an MSAP outside your scope.');
    }
  }

  private checkResources(user: UserPrincipal, ctx: BookingContext) {
    const { booth, agent } = ctx;
    if (!booth) throw invalid('boothId', 'does not name a booth');
    if (!canBookAt(user, { id: booth.msapSiteId, departement: booth.departement })) {
      throw new DomainError('FORBIDDEN', 'This booth is at an MSAP outside your scope.', { boothId: ['booth outside your scope'] });
    }
    if (!agent) throw invalid('agentId', 'does not name an agent');
    return { booth, agent, type: ctx.type };
  }

  private async write(fn: (tx: EntityManager) => Promise<ConsultationRow>): Promise<ConsultationView> {
    try {
      return toConsultationView(await withRetries(() => this.dataSource.transaction(fn)));
    } catch (error) {
      throw translateWriteError(error);
    }
  }
}

function checkStart(start: number, now: number): void {
  if (start < now) throw invalid('startsAt', 'must not be in the past');
  if (start > now + MAX_AHEAD_MS) throw invalid('startsAt', `must be within ${MAX_RANGE_DAYS} days from now`);
}

function checkLength(start: number, end: number | null): void {
  if (end === null) return;
  if (end <= start) throw invalid('endsAt', 'must be after startsAt');
  if (end - start > MAX_LENGTH_MS) throw invalid('endsAt', 'must be at most 8 hours after startsAt');
}

const BOOKING_INSERT = `INSERT INTO consultations (id, booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at,
           citizen_name, citizen_phone, citizen_email, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING ${CONSULTATION_COLUMNS}`;
const BOOKING_PARAMS = 11;

/**
 * The booking's INSERT with one data-modifying CTE per companion, each writing its rows only if the
 * consultation was inserted. The text depends only on the companions' shape (tables, columns), so
 * it is a named statement, planned once per connection; its name is derived from the text.
 */
function bookingStatement(companions: CompanionRows[], statements: Map<string, { name: string; text: string }>): { name: string; text: string } {
  let next = BOOKING_PARAMS + 1;
  const ctes = companions.map((c, i) => {
    const sql = companionInsert(c, next, 'WHERE EXISTS (SELECT 1 FROM booked)');
    next += c.columns.length;
    return `companion${i} AS (${sql})`;
  });
  const text = `WITH booked AS (${BOOKING_INSERT})${ctes.map((cte) => `, ${cte}`).join('')} SELECT * FROM booked`;
  let statement = statements.get(text);
  if (!statement) {
    statement = { name: `scheduling-book-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text };
    statements.set(text, statement);
  }
  return statement;
}
