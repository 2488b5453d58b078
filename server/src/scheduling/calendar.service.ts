import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { canManageSite, visibleAdministrations } from '../directory/site-access';
import { DateRangeQueryDto, UnavailabilityDto, WeeklyScheduleDto } from './dto/calendar.dto';
import { UnavailabilityView } from './dto/unavailability.view';
import { MsapClosureEntity } from './entities/unavailability.entity';
import { AgentAvailabilityEntity, MsapOpeningHoursEntity } from './entities/weekly-range.entity';
import { hhmmToMinute, minuteToHhmm, toParisIso } from '../common/time/paris-time';
import { canManageAgent } from './scheduling-access';
import { invalid, parseRange } from './time-range';
import { AgentView, WeeklyRangeView } from './dto/calendar.view';

export interface ManagedAgent {
  id: string;
  userId: string;
  administrationId: string;
  departement: string;
}

/** Weekly schedules of agents and MSAPs, and MSAP closures. */
@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The agents the caller may see (visibleAdministrations), optionally of one administration. */
  async listAgents(user: UserPrincipal, administrationId: string | undefined): Promise<AgentView[]> {
    const scope = visibleAdministrations(user, 2);
    return this.dataSource.query(
      `SELECT a.id, a.user_id AS "userId", u.display_name AS "displayName", a.title, a.administration_id AS "administrationId"
         FROM agents a JOIN users u ON u.id = a.user_id JOIN administrations ad ON ad.id = a.administration_id
        WHERE u.disabled_at IS NULL AND ($1::uuid IS NULL OR a.administration_id = $1) AND ${scope.sql}
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

  async setAgentAvailability(user: UserPrincipal, agentId: string, dto: WeeklyScheduleDto): Promise<WeeklyRangeView[]> {
    await this.agent(user, agentId, true);
    const ranges = parseRanges(dto);
    await this.dataSource.transaction(async (tx) => {
      await tx.delete(AgentAvailabilityEntity, { agentId });
      if (ranges.length > 0) await tx.insert(AgentAvailabilityEntity, ranges.map((r) => ({ ...r, agentId })));
    });
    return this.agentAvailability(user, agentId);
  }

  async openingHours(user: UserPrincipal, siteId: string): Promise<WeeklyRangeView[]> {
    await this.site(user, siteId, false);
    const rows = await this.dataSource.manager.find(MsapOpeningHoursEntity, { where: { msapSiteId: siteId }, order: { weekday: 'ASC', startMinute: 'ASC' } });
    return rows.map(toRangeView);
  }

  async setOpeningHours(user: UserPrincipal, siteId: string, dto: WeeklyScheduleDto): Promise<WeeklyRangeView[]> {
    await this.site(user, siteId, true);
    const ranges = parseRanges(dto);
    await this.dataSource.transaction(async (tx) => {
      await tx.delete(MsapOpeningHoursEntity, { msapSiteId: siteId });
      if (ranges.length > 0) await tx.insert(MsapOpeningHoursEntity, ranges.map((r) => ({ ...r, msapSiteId: siteId })));
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

  async addClosure(user: UserPrincipal, siteId: string, dto: UnavailabilityDto): Promise<UnavailabilityView> {
    await this.site(user, siteId, true);
    const { from, to } = parseRange(['startsAt', 'endsAt'], dto.startsAt, dto.endsAt);
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(MsapClosureEntity, { msapSiteId: siteId, startsAt: from, endsAt: to, reason: dto.reason?.trim() ?? '', createdById: user.userId }),
    );
    return toUnavailabilityView(saved);
  }

  async removeClosure(user: UserPrincipal, siteId: string, closureId: string): Promise<void> {
    await this.site(user, siteId, true);
    const result = await this.dataSource.manager.delete(MsapClosureEntity, { id: closureId, msapSiteId: siteId });
    if (!result.affected) throw new DomainError('NOT_FOUND', 'No such closure.');
  }
}

/** Ranges of one weekday may touch but not overlap: an overlap is almost always a typing mistake. */
function parseRanges(dto: WeeklyScheduleDto): Array<{ weekday: number; startMinute: number; endMinute: number }> {
  const ranges = dto.ranges.map((r, i) => {
    const startMinute = hhmmToMinute(r.start);
    const endMinute = hhmmToMinute(r.end);
    if (startMinute === 1440) throw invalid(['ranges', String(i), 'start'], 'TOO_LARGE', 'must be before 24:00');
    if (endMinute <= startMinute) throw invalid(['ranges', String(i), 'end'], 'END_BEFORE_START', 'must be after start');
    return { weekday: r.weekday, startMinute, endMinute, index: i };
  });
  const sorted = [...ranges].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1]!, sorted[i]!];
    if (prev.weekday === cur.weekday && cur.startMinute < prev.endMinute) throw invalid(['ranges', String(cur.index)], 'INVALID_FORMAT', `overlaps ranges[${prev.index}]`);
  }
  return ranges.map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute }));
}

function toRangeView(r: { weekday: number; startMinute: number; endMinute: number }): WeeklyRangeView {
  return { weekday: r.weekday, start: minuteToHhmm(r.startMinute), end: minuteToHhmm(r.endMinute) };
}

export function toUnavailabilityView(r: { id: string; startsAt: Date; endsAt: Date; reason: string; createdById: string | null }): UnavailabilityView {
  return { id: r.id, startsAt: toParisIso(r.startsAt), endsAt: toParisIso(r.endsAt), reason: r.reason, createdById: r.createdById };
}
