import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { StaffCancellationCause } from '../../../shared/scheduling/cancellation';
import { UserPrincipal } from '../auth/principal';
import { DomainError, FieldErrors } from '../common/errors/domain.error';
import { signallingConfig, SignallingConfig } from '../config/configuration';
import { UNAVAILABILITY_MESSAGES, whyUnavailable } from '../scheduling/availability-check';
import { BookingContext, ScheduleReader } from '../scheduling/schedule-reader';
import { canBookAt } from '../scheduling/scheduling-access';
import { invalid, MAX_RANGE_DAYS } from '../scheduling/time-range';
import { ChangeChannel, ConsultationEvent, ConsultationEvents, NewBooking } from './consultation-events';
import { ConsultationForChange, ConsultationRepository } from './consultation.repository';
import { ConsultationRow, ConsultationView, toConsultationView } from './consultation-view';
import { BookConsultationDto } from './dto/book-consultation.dto';
import { RecordOutcomeDto, RescheduleConsultationDto } from './dto/change-consultation.dto';
import { translateWriteError, withRetries } from './write-errors';

const MAX_LENGTH_MS = 8 * 3_600_000;
/** Agendas are planned a year ahead at most; a later date is almost always a typing mistake. */
const MAX_AHEAD_MS = MAX_RANGE_DAYS * 86_400_000;

/**
 * The only way a consultation changes: booked, moved, reassigned, cancelled (one or many), its call
 * started and ended, its outcome recorded, its citizen's data erased. Each change is one transaction
 * that publishes one domain event (subscribers write in it; listeners hear of it after the commit).
 * The exclusion constraints decide every race on a booth or an agent; the checks here (rights,
 * availability) make errors clear, not safe.
 */
@Injectable()
export class ConsultationsService {
  private readonly logger = new Logger('Consultations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ConsultationRepository,
    private readonly reader: ScheduleReader,
    private readonly events: ConsultationEvents,
    @Inject(signallingConfig.KEY) private readonly config: SignallingConfig,
  ) {}

  async book(user: UserPrincipal, dto: BookConsultationDto, now = Date.now()): Promise<ConsultationView> {
    const start = new Date(dto.startsAt).getTime();
    checkStart(start, now);
    const givenEnd = dto.endsAt === undefined ? null : new Date(dto.endsAt).getTime();
    checkLength(start, givenEnd);
    const ctx = await this.reader.bookingContext(dto.boothId, dto.agentId, dto.consultationTypeId, new Date(start), new Date(givenEnd ?? start + MAX_LENGTH_MS));
    const { booth, agent, type } = checkResources(user, ctx);
    if (!type) throw invalid('consultationTypeId', 'UNKNOWN', 'does not name a consultation type');
    if (!type.active) throw invalid('consultationTypeId', 'RETIRED', 'names a retired consultation type');
    if (type.administrationId !== agent.administrationId) throw invalid('agentId', 'WRONG_ADMINISTRATION', 'does not work for the administration of this consultation type');
    const end = givenEnd ?? start + type.durationMinutes * 60_000;
    const why = whyUnavailable(ctx, start, end);
    if (why) throw invalid('startsAt', why, UNAVAILABILITY_MESSAGES[why], why);

    const booking: NewBooking = {
      id: randomUUID(),
      actorUserId: user.userId,
      startsAt: new Date(start),
      endsAt: new Date(end),
      citizen: { name: dto.citizen.name, phone: dto.citizen.phone ?? null, landline: dto.citizen.landline ?? null, email: dto.citizen.email ?? null },
      booth: { name: booth.name, msapName: booth.msapName, msapAddress: booth.msapAddress, msapPhone: booth.msapPhone, departement: booth.departement },
      administration: agent.administrationName,
      agent: { name: agent.displayName, email: agent.email },
      type: { subject: type.subject, documents: type.documents },
    };
    // The `booked` event reaches the subscribers as companions of the booking's own statement.
    const companions = this.events.companionsOfBooking(booking);
    let row: ConsultationRow | undefined;
    try {
      row = await withRetries(() =>
        this.repository.insert(
          {
            id: booking.id,
            boothId: booth.id,
            agentId: agent.id,
            administrationId: type.administrationId,
            consultationTypeId: type.id,
            startsAt: booking.startsAt,
            endsAt: booking.endsAt,
            citizen: booking.citizen,
            createdById: user.userId,
          },
          companions,
        ),
      );
    } catch (error) {
      throw translateWriteError(error);
    }
    if (!row) throw await this.takenBy(booth.id, agent.id, start, end);
    this.events.committed([{ type: 'booked', consultationId: row.id, actorUserId: user.userId }]);
    return toConsultationView(row);
  }

  /** Moves a consultation in time, to another booth or to another agent, atomically; `via` says from which screen, when not the board. */
  reschedule(user: UserPrincipal, id: string, dto: RescheduleConsultationDto, now = Date.now(), via?: ChangeChannel): Promise<ConsultationView> {
    if (dto.startsAt === undefined && dto.endsAt === undefined && dto.boothId === undefined && dto.agentId === undefined) {
      throw invalid('startsAt', 'NOTHING_TO_CHANGE', 'or endsAt, boothId, agentId must be given');
    }
    return this.move(user, id, dto, 'rescheduled', now, via);
  }

  /** Hands a consultation over to another agent of the same administration, same time, same booth. */
  reassign(user: UserPrincipal, id: string, agentId: string, now = Date.now()): Promise<ConsultationView> {
    return this.move(user, id, { agentId }, 'reassigned', now);
  }

  /** `cause`: why, as the statistics group it (the agent's absence, the site's closure, or the service's own reason). */
  async cancel(user: UserPrincipal, id: string, reason: string, cause: StaffCancellationCause = 'service'): Promise<ConsultationView> {
    const current = await this.current(id);
    assertCanBook(user, current);
    return this.change(async (tx) => {
      const [row] = await this.repository.cancel(tx, [id], reason, cause);
      if (!row) throw notScheduled();
      return { row, event: { type: 'cancelled', consultationIds: [id], actorUserId: user.userId, reason, citizenMessage: null } };
    });
  }

  /**
   * The citizen cancels through their personal link (no account: the link named the consultation),
   * with the same effects as a cancellation by staff — messages, the agent's calendar, the desk —
   * but only before it starts: by then the booth may be opening the call.
   */
  async cancelByCitizen(id: string, reason: string, now = Date.now()): Promise<ConsultationView> {
    const current = await this.current(id);
    if (current.status === 'cancelled') throw wasCancelled();
    if (current.status !== 'scheduled' || current.starts_at.getTime() <= now) {
      throw new DomainError('TOO_LATE', 'This consultation has started or is over: it can no longer be cancelled through the link.');
    }
    return this.change(async (tx) => {
      const [row] = await this.repository.cancel(tx, [id], reason, 'citizen');
      if (!row) throw notScheduled();
      return { row, event: { type: 'cancelled', consultationIds: [id], actorUserId: null, via: 'citizen_link', reason, citizenMessage: null } };
    });
  }

  /**
   * A mass cancellation's batch, in the caller's transaction (the job's bookkeeping commits with
   * it): those of `ids` still scheduled are cancelled with the coordinator's message as reason and
   * as what the citizens are sent. Returns them, and whether each citizen can be reached.
   */
  async cancelMany(
    tx: EntityManager,
    ids: readonly string[],
    actorUserId: string | null,
    citizenMessage: string,
    massCancellationId?: string,
  ): Promise<{ cancelled: Array<{ id: string; hasContact: boolean }>; committed: () => void }> {
    const rows = await this.repository.cancel(tx, ids, citizenMessage, 'mass');
    const event: ConsultationEvent = { type: 'cancelled', consultationIds: rows.map((r) => r.id), actorUserId, reason: citizenMessage, citizenMessage, massCancellationId };
    if (rows.length > 0) await this.events.publish(tx, event);
    return {
      cancelled: rows.map((r) => ({ id: r.id, hasContact: r.has_contact })),
      committed: () => (rows.length > 0 ? this.events.committed([event]) : undefined),
    };
  }

  /** Done or no-show, once the consultation has started: by its agent or by whoever books at the MSAP. */
  async recordOutcome(user: UserPrincipal, id: string, dto: RecordOutcomeDto, now = Date.now()): Promise<ConsultationView> {
    const current = await this.current(id);
    const isOwnAgent = user.role === 'agent' && current.agent_user_id === user.userId;
    if (!isOwnAgent) assertCanBook(user, current);
    // Its call may have been held a little before the booked time (the booth enters early).
    const callHeld = current.status === 'in_progress' || current.status === 'ended' || current.call_started_at !== null;
    if (current.starts_at.getTime() > now && !callHeld) throw invalid('status', 'NOT_STARTED', 'can be recorded only once the consultation has started', 'CONSULTATION_NOT_STARTED');
    if (current.status === 'cancelled') throw wasCancelled();
    const note = dto.note?.trim() || null;
    return this.change(async (tx) => {
      const row = await this.repository.recordOutcome(tx, id, dto.status, note);
      if (!row) throw wasCancelled();
      return { row, event: { type: 'outcome_recorded', consultationId: id, actorUserId: user.userId, outcome: dto.status } };
    });
  }

  /** Someone was admitted: the consultation is under way (a later admission, a reconnection, changes nothing). */
  async callStarted(id: string): Promise<void> {
    await this.transition((tx) => this.repository.markInProgress(tx, id), { type: 'call_started', consultationId: id });
  }

  /** The agent ended the call: nobody can enter it any more. */
  async callEnded(id: string): Promise<void> {
    await this.transition((tx) => this.repository.markEnded(tx, id), { type: 'call_ended', consultationIds: [id], cause: 'agent' });
  }

  /** The call emptied: after its booked end, that ends a consultation that was under way. */
  async callEmptied(id: string, now = new Date()): Promise<void> {
    await this.transition((tx) => this.repository.markEnded(tx, id, now), { type: 'call_ended', consultationIds: [id], cause: 'emptied' });
  }

  /**
   * Consultations still in progress once nobody may join any more (their end + JOIN_MARGIN_MINUTES):
   * the instance holding the call went away. Returns how many were ended.
   */
  async endOverdue(now = new Date()): Promise<number> {
    const { ids, event } = await this.dataSource.transaction(async (tx) => {
      const ended = await this.repository.endOverdue(tx, now, this.config.joinMarginMinutes);
      const e: ConsultationEvent = { type: 'call_ended', consultationIds: ended, cause: 'overdue' };
      if (ended.length > 0) await this.events.publish(tx, e);
      return { ids: ended, event: e };
    });
    if (ids.length > 0) {
      this.logger.warn({ count: ids.length }, 'calls left in progress past their window were ended');
      this.events.committed([event]);
    }
    return ids.length;
  }

  /**
   * RGPD: erases the citizen's data of at most `limit` consultations over for more than `days`, in
   * the caller's transaction; subscribers erase what they hold about them (the messages) in it too.
   */
  async eraseCitizens(tx: EntityManager, days: number, limit: number, placeholder: string): Promise<string[]> {
    const ids = await this.repository.eraseCitizens(tx, days, limit, placeholder);
    if (ids.length > 0) await this.events.publish(tx, { type: 'citizen_erased', consultationIds: ids });
    return ids;
  }

  private async move(
    user: UserPrincipal,
    id: string,
    change: { startsAt?: string; endsAt?: string; boothId?: string; agentId?: string },
    type: 'rescheduled' | 'reassigned',
    now: number,
    via?: ChangeChannel,
  ): Promise<ConsultationView> {
    const current = await this.current(id);
    assertCanBook(user, current);
    if (current.status !== 'scheduled') throw new DomainError('CONSULTATION_NOT_SCHEDULED', `This consultation is ${current.status}.`);
    const length = current.ends_at.getTime() - current.starts_at.getTime();
    const start = change.startsAt === undefined ? current.starts_at.getTime() : new Date(change.startsAt).getTime();
    const end = change.endsAt === undefined ? start + length : new Date(change.endsAt).getTime();
    checkStart(start, now);
    checkLength(start, end);
    const ctx = await this.reader.bookingContext(change.boothId ?? current.booth_id, change.agentId ?? current.agent_id, null, new Date(start), new Date(end));
    const { booth, agent } = checkResources(user, ctx);
    if (agent.administrationId !== current.administration_id) throw invalid('agentId', 'WRONG_ADMINISTRATION', 'does not work for the administration of this consultation');
    const why = whyUnavailable(ctx, start, end);
    if (why) throw invalid(change.startsAt === undefined ? 'agentId' : 'startsAt', why, UNAVAILABILITY_MESSAGES[why], why);

    return this.change(async (tx) => {
      const row = await this.repository.move(tx, id, { boothId: booth.id, agentId: agent.id, startsAt: new Date(start), endsAt: new Date(end) });
      if (!row) throw notScheduled();
      const previous = { boothId: current.booth_id, agentId: current.agent_id, startsAt: current.starts_at, endsAt: current.ends_at };
      return { row, event: { type, consultationId: id, actorUserId: user.userId, previous, ...(via ? { via } : {}) } };
    });
  }

  /** One change of one consultation, its event published in its transaction; retried on deadlock. */
  private async change(fn: (tx: EntityManager) => Promise<{ row: ConsultationRow; event: ConsultationEvent }>): Promise<ConsultationView> {
    let done: { row: ConsultationRow; event: ConsultationEvent };
    try {
      done = await withRetries(() =>
        this.dataSource.transaction(async (tx) => {
          const result = await fn(tx);
          await this.events.publish(tx, result.event);
          return result;
        }),
      );
    } catch (error) {
      throw translateWriteError(error);
    }
    this.events.committed([done.event]);
    return toConsultationView(done.row);
  }

  /** A status change that may find nothing to do (already past it): the event only when it happened. */
  private async transition(fn: (tx: EntityManager) => Promise<boolean>, event: ConsultationEvent): Promise<void> {
    const happened = await this.dataSource.transaction(async (tx) => {
      if (!(await fn(tx))) return false;
      await this.events.publish(tx, event);
      return true;
    });
    if (happened) this.events.committed([event]);
  }

  /** The 409 for an interval found taken: names the booth, the agent, or both. */
  private async takenBy(boothId: string, agentId: string, start: number, end: number): Promise<DomainError> {
    const taken = await this.repository.takenBy(boothId, agentId, new Date(start), new Date(end));
    const fields: FieldErrors = {};
    if (taken.booth) fields.boothId = ['BOOTH_TAKEN'];
    if (taken.agent) fields.agentId = ['AGENT_TAKEN'];
    const who = taken.booth && taken.agent ? 'The booth and the agent are' : taken.booth ? 'The booth is' : taken.agent ? 'The agent is' : 'This interval was';
    // Both taken: the booth is named first (another booth may do; another agent rarely).
    const code = taken.booth ? 'BOOTH_TAKEN' : taken.agent ? 'AGENT_TAKEN' : 'INTERVAL_TAKEN';
    return new DomainError(code, `${who} already booked at that time.`, Object.keys(fields).length > 0 ? fields : { startsAt: ['INTERVAL_TAKEN'] });
  }

  private async current(id: string): Promise<ConsultationForChange> {
    const row = await this.repository.findForChange(id);
    if (!row) throw new DomainError('NOT_FOUND', 'No such consultation.');
    return row;
  }
}

const notScheduled = () => new DomainError('CONSULTATION_NOT_SCHEDULED', 'This consultation is no longer scheduled.');
const wasCancelled = () => new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled.');

function assertCanBook(user: UserPrincipal, c: ConsultationForChange): void {
  if (!canBookAt(user, { id: c.msap_site_id, departement: c.departement })) {
    throw new DomainError('FORBIDDEN', 'This consultation is at an MSAP outside your scope.');
  }
}

function checkResources(user: UserPrincipal, ctx: BookingContext) {
  const { booth, agent } = ctx;
  if (!booth) throw invalid('boothId', 'UNKNOWN', 'does not name a booth');
  if (!canBookAt(user, { id: booth.msapSiteId, departement: booth.departement })) {
    throw new DomainError('FORBIDDEN', 'This booth is at an MSAP outside your scope.', { boothId: ['OUTSIDE_SCOPE'] });
  }
  if (!agent) throw invalid('agentId', 'UNKNOWN', 'does not name an agent');
  // A disabled account, or one whose role changed, keeps its agents row (its past consultations): it takes no new booking.
  if (!agent.active) throw invalid('agentId', 'RETIRED', 'names an agent whose account is disabled or no longer an agent');
  return { booth, agent, type: ctx.type };
}

function checkStart(start: number, now: number): void {
  if (start < now) throw invalid('startsAt', 'IN_THE_PAST', 'must not be in the past');
  if (start > now + MAX_AHEAD_MS) throw invalid('startsAt', 'TOO_FAR_AHEAD', `must be within ${MAX_RANGE_DAYS} days from now`);
}

function checkLength(start: number, end: number | null): void {
  if (end === null) return;
  if (end <= start) throw invalid('endsAt', 'END_BEFORE_START', 'must be after startsAt');
  if (end - start > MAX_LENGTH_MS) throw invalid('endsAt', 'DURATION_TOO_LONG', 'must be at most 8 hours after startsAt');
}
