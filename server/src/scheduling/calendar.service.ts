import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { overlappingRanges, rangesOutsideEveryOpening } from '../../../shared/scheduling/weekly-ranges';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/entities/audit-event.entity';
import { UserPrincipal } from '../auth/principal';
import { DomainError, FieldErrors } from '../common/errors/domain.error';
import { covers, normalize } from '../common/time/intervals';
import { hhmmToMinute, minuteToHhmm, toParisIso, WeeklyRange } from '../common/time/paris-time';
import { canManageSite, visibleAdministrations } from '../directory/site-access';
import { DateRangeQueryDto, UnavailabilityDto, WeeklyScheduleDto } from './dto/calendar.dto';
import { AgentView, WeeklyRangeView } from './dto/calendar.view';
import { UnavailabilityView } from './dto/unavailability.view';
import { MsapClosureEntity } from './entities/unavailability.entity';
import { AgentAvailabilityEntity, MsapOpeningHoursEntity } from './entities/weekly-range.entity';
import { canManageAgent } from './scheduling-access';
import { invalid, parseRange } from './time-range';

export interface ManagedAgent {
  id: string;
  userId: string;
  administrationId: string;
  departement: string;
}

/**
 * Weekly schedules of agents and MSAPs, and MSAP closures. Every change is audited in its own
 * transaction, with what it replaced; the checks (`checked…`) are public so that a dry run
 * (ScheduleImpactService) refuses exactly what saving would refuse.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The agents the caller may see (visibleAdministrations), optionally of one administration. */
  async listAgents(user: UserPrincipal, administrationId: string | undefined): Promise<AgentView[]> {
    const scope = visibleAdministrations(user, 2);
    return this.dataSource.query(
      `SELECT a.id, a.user_id AS "userId", u.display_name AS "displayName", a.title, a.administration_id AS "administrationId"
         FROM agents a JOIN users u ON u.id = a.user_id JOIN administrations ad ON ad.id = a.administration_id
        WHERE u.role = 'agent' AND u.disabled_at IS NULL AND ($1::uuid IS NULL OR a.administration_id = $1) AND ${scope.sql}
        ORDER BY u.display_name`,
      [administrationId ?? null, ...scope.params],
    );
  }

  /** The agent, once the caller is known to manage them (or to only read, when `write` is false). */
  async agent(user: UserPrincipal, agentId: string, write: boolean): Promise<ManagedAgent> {
    const [agent] = (await this.dataSource.query(
      `SELECT a.id, a.user_id AS "userId", a.administration_id AS "administrationId", ad.departement
         FROM agents a JOIN administrations ad ON ad.id = a.administration_id WHERE a.id = $1`,
      [agentId],
    )) as ManagedAgent[];
    if (!agent) throw new DomainError('NOT_FOUND', 'No such agent.');
    if (write && !canManageAgent(user, agent)) throw new DomainError('FORBIDDEN', "You may not change this agent's schedule.");
    return agent;
  }

  async site(user: UserPrincipal, siteId: string, write: boolean): Promise<{ id: string; departement: string }> {
    const [site] = (await this.dataSource.query(`SELECT id, departement FROM msap_sites WHERE id = $1`, [siteId])) as Array<{ id: string; departement: string }>;
    if (!site) throw new DomainError('NOT_FOUND', 'No such MSAP site.');
    if (write && !canManageSite(user, site)) throw new DomainError('FORBIDDEN', 'This MSAP is outside your scope.');
    return site;
  }

  async agentAvailability(user: UserPrincipal, agentId: string): Promise<WeeklyRangeView[]> {
    await this.agent(user, agentId, false);
    const rows = await this.dataSource.manager.find(AgentAvailabilityEntity, { where: { agentId }, order: { weekday: 'ASC', startMinute: 'ASC' } });
    return rows.map(toRangeView);
  }

  /**
   * The ranges of an agent's new availability, once valid. Agents serve the booths of the MSAPs of
   * their administration's département (the slot search intersects their availability with the
   * opening hours of the MSAP searched): a range that meets the opening hours of none of those MSAPs
   * on a day when one of them opens is refused (422 OUTSIDE_OPENING_HOURS, every such range named),
   * see rangesOutsideEveryOpening for what is accepted and why.
   */
  async checkedAvailability(agent: ManagedAgent, dto: WeeklyScheduleDto): Promise<WeeklyRange[]> {
    const ranges = parseRanges(dto);
    const opening = (await this.dataSource.query(
      `SELECT o.weekday, o.start_minute AS "startMinute", o.end_minute AS "endMinute"
         FROM msap_opening_hours o JOIN msap_sites s ON s.id = o.msap_site_id WHERE s.departement = $1`,
      [agent.departement],
    )) as WeeklyRange[];
    const outside = rangesOutsideEveryOpening(ranges, opening);
    if (outside.length > 0) {
      throw new DomainError(
        'OUTSIDE_OPENING_HOURS',
        `ranges[${outside.join('], ranges[')}] meet the opening hours of no MSAP of the agent's département on their weekday.`,
        { ranges: Object.fromEntries(outside.map((i) => [String(i), ['OUTSIDE_OPENING_HOURS']])) },
      );
    }
    return ranges;
  }

  async setAgentAvailability(user: UserPrincipal, agentId: string, dto: WeeklyScheduleDto): Promise<WeeklyRangeView[]> {
    const agent = await this.agent(user, agentId, true);
    const ranges = await this.checkedAvailability(agent, dto);
    await this.dataSource.transaction(async (tx) => {
      // Two saves of one schedule wait for each other, so that each audits what it really replaced
      // (NO KEY: bookings of the agent, which take a key-share lock, do not wait).
      await tx.query(`SELECT 1 FROM agents WHERE id = $1 FOR NO KEY UPDATE`, [agentId]);
      const before = await tx.find(AgentAvailabilityEntity, { where: { agentId } });
      await tx.delete(AgentAvailabilityEntity, { agentId });
      if (ranges.length > 0) await tx.insert(AgentAvailabilityEntity, ranges.map((r) => ({ ...r, agentId })));
      await this.recordWeekly(tx, user, 'availability.changed', 'agent', agentId, before, ranges);
    });
    return this.agentAvailability(user, agentId);
  }

  async openingHours(user: UserPrincipal, siteId: string): Promise<WeeklyRangeView[]> {
    await this.site(user, siteId, false);
    const rows = await this.dataSource.manager.find(MsapOpeningHoursEntity, { where: { msapSiteId: siteId }, order: { weekday: 'ASC', startMinute: 'ASC' } });
    return rows.map(toRangeView);
  }

  /** The ranges of an MSAP's new opening hours, once valid. */
  checkedOpeningHours(dto: WeeklyScheduleDto): WeeklyRange[] {
    return parseRanges(dto);
  }

  async setOpeningHours(user: UserPrincipal, siteId: string, dto: WeeklyScheduleDto): Promise<WeeklyRangeView[]> {
    await this.site(user, siteId, true);
    const ranges = this.checkedOpeningHours(dto);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM msap_sites WHERE id = $1 FOR NO KEY UPDATE`, [siteId]);
      const before = await tx.find(MsapOpeningHoursEntity, { where: { msapSiteId: siteId } });
      await tx.delete(MsapOpeningHoursEntity, { msapSiteId: siteId });
      if (ranges.length > 0) await tx.insert(MsapOpeningHoursEntity, ranges.map((r) => ({ ...r, msapSiteId: siteId })));
      await this.recordWeekly(tx, user, 'opening_hours.changed', 'msap_site', siteId, before, ranges);
    });
    return this.openingHours(user, siteId);
  }

  async closures(user: UserPrincipal, siteId: string, q: DateRangeQueryDto): Promise<UnavailabilityView[]> {
    await this.site(user, siteId, false);
    const { from, to } = parseRange(['from', 'to'], q.from, q.to);
    const rows = await this.dataSource.manager
      .createQueryBuilder(MsapClosureEntity, 'c')
      .where('c.msapSiteId = :siteId AND c.startsAt < :to AND c.endsAt > :from', { siteId, from, to })
      .orderBy('c.startsAt', 'ASC')
      .getMany();
    return rows.map(toUnavailabilityView);
  }

  /**
   * The interval of a new closure, once valid: it ends after it starts, and the MSAP is not already
   * closed over all of it (a bank holiday added twice, a double click), which would change nothing.
   */
  async checkedClosure(siteId: string, dto: UnavailabilityDto, manager: EntityManager = this.dataSource.manager): Promise<{ from: Date; to: Date }> {
    const range = parseRange(['startsAt', 'endsAt'], dto.startsAt, dto.endsAt);
    const existing = await manager
      .createQueryBuilder(MsapClosureEntity, 'c')
      .where('c.msapSiteId = :siteId AND c.startsAt < :to AND c.endsAt > :from', { siteId, ...range })
      .getMany();
    const closed = normalize(existing.map((c) => ({ start: c.startsAt.getTime(), end: c.endsAt.getTime() })));
    if (covers(closed, range.from.getTime(), range.to.getTime())) throw invalid('startsAt', 'ALREADY_CLOSED', 'to endsAt is already covered by closures of this MSAP');
    return range;
  }

  async addClosure(user: UserPrincipal, siteId: string, dto: UnavailabilityDto): Promise<UnavailabilityView> {
    await this.site(user, siteId, true);
    const saved = await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM msap_sites WHERE id = $1 FOR NO KEY UPDATE`, [siteId]);
      const { from, to } = await this.checkedClosure(siteId, dto, tx);
      const closure = await tx.save(tx.create(MsapClosureEntity, { msapSiteId: siteId, startsAt: from, endsAt: to, reason: dto.reason?.trim() ?? '', createdById: user.userId }));
      await this.recordClosure(tx, user, 'closure.created', closure, { after: closureSpan(closure) });
      return closure;
    });
    return toUnavailabilityView(saved);
  }

  async removeClosure(user: UserPrincipal, siteId: string, closureId: string): Promise<void> {
    await this.site(user, siteId, true);
    await this.dataSource.transaction(async (tx) => {
      const closure = await tx.findOne(MsapClosureEntity, { where: { id: closureId, msapSiteId: siteId }, lock: { mode: 'pessimistic_write' } });
      if (!closure) throw new DomainError('NOT_FOUND', 'No such closure.');
      await tx.delete(MsapClosureEntity, { id: closureId });
      await this.recordClosure(tx, user, 'closure.deleted', closure, { before: closureSpan(closure) });
    });
  }

  /** A weekly schedule's change, with the whole schedule before and after (a save replaces it); nothing when it is the same. */
  private async recordWeekly(
    tx: EntityManager,
    user: UserPrincipal,
    action: AuditAction,
    subjectType: string,
    subjectId: string,
    before: readonly WeeklyRange[],
    after: readonly WeeklyRange[],
  ): Promise<void> {
    const [from, to] = [sortedViews(before), sortedViews(after)];
    if (JSON.stringify(from) === JSON.stringify(to)) return;
    await this.audit.record({ action, actorUserId: user.userId, subjectType, subjectId, details: { before: from, after: to } }, tx);
  }

  /**
   * Under the MSAP, so that its history reads in one place. The reason is left out: it is free text
   * that the retention sweep erases from the closure, and audit rows cannot be changed.
   */
  private recordClosure(tx: EntityManager, user: UserPrincipal, action: AuditAction, closure: MsapClosureEntity, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ action, actorUserId: user.userId, subjectType: 'msap_site', subjectId: closure.msapSiteId, details: { closureId: closure.id, ...details } }, tx);
  }
}

/**
 * Ranges of one weekday may touch but not overlap: an overlap is almost always a typing mistake.
 * Every overlapping range is named (OVERLAPS), so that a form can mark each one.
 */
function parseRanges(dto: WeeklyScheduleDto): WeeklyRange[] {
  const ranges = dto.ranges.map((r, i) => {
    const startMinute = hhmmToMinute(r.start);
    const endMinute = hhmmToMinute(r.end);
    if (startMinute === 1440) throw invalid(['ranges', String(i), 'start'], 'TOO_LARGE', 'must be before 24:00');
    if (endMinute <= startMinute) throw invalid(['ranges', String(i), 'end'], 'END_BEFORE_START', 'must be after start');
    return { weekday: r.weekday, startMinute, endMinute };
  });
  const overlaps = overlappingRanges(ranges);
  if (overlaps.length > 0) {
    const errors: FieldErrors = { ranges: Object.fromEntries(overlaps.map(({ index }) => [String(index), ['OVERLAPS']])) };
    throw new DomainError('VALIDATION_FAILED', overlaps.map(({ index, other }) => `ranges[${index}] overlaps ranges[${other}]`).join('; ') + '.', errors);
  }
  return ranges;
}

function toRangeView(r: WeeklyRange): WeeklyRangeView {
  return { weekday: r.weekday, start: minuteToHhmm(r.startMinute), end: minuteToHhmm(r.endMinute) };
}

const sortedViews = (ranges: readonly WeeklyRange[]): WeeklyRangeView[] =>
  [...ranges].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute).map(toRangeView);

const closureSpan = (c: MsapClosureEntity) => ({ startsAt: toParisIso(c.startsAt), endsAt: toParisIso(c.endsAt) });

export function toUnavailabilityView(r: { id: string; startsAt: Date; endsAt: Date; reason: string; createdById: string | null }): UnavailabilityView {
  return { id: r.id, startsAt: toParisIso(r.startsAt), endsAt: toParisIso(r.endsAt), reason: r.reason, createdById: r.createdById };
}
