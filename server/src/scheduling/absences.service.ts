import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { ConsultationReader } from '../consultations/consultation.reader';
import { ConsultationListRow, toConsultationListItem } from '../consultations/consultation-view';
import { CalendarService, toUnavailabilityView } from './calendar.service';
import { AbsenceImpactView, AffectedConsultationView } from './dto/absence-impact.view';
import { DateRangeQueryDto, UnavailabilityDto } from './dto/calendar.dto';
import { UnavailabilityView } from './dto/unavailability.view';
import { AgentAbsenceEntity } from './entities/unavailability.entity';
import { covers } from '../common/time/intervals';
import { weeklyToIntervals, WeeklyRange } from '../common/time/paris-time';
import { parseRange } from './time-range';

/** Plenty for a long leave; a longer list is better handled by a mass cancellation. */
const MAX_AFFECTED = 500;

/**
 * Declaring an agent absent does not touch their bookings: it lists them, each with the agents who
 * could take it, and the coordinator then reassigns or cancels each one (ConsultationsService).
 */
@Injectable()
export class AbsencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly consultations: ConsultationReader,
  ) {}

  async list(user: UserPrincipal, agentId: string, q: DateRangeQueryDto): Promise<UnavailabilityView[]> {
    await this.calendar.agent(user, agentId, false);
    const { from, to } = parseRange(['from', 'to'], q.from, q.to);
    const rows = await this.dataSource.manager
      .createQueryBuilder(AgentAbsenceEntity, 'a')
      .where('a.agentId = :agentId AND a.startsAt < :to AND a.endsAt > :from', { agentId, from, to })
      .orderBy('a.startsAt', 'ASC')
      .getMany();
    return rows.map(toUnavailabilityView);
  }

  async declare(user: UserPrincipal, agentId: string, dto: UnavailabilityDto): Promise<AbsenceImpactView> {
    await this.calendar.agent(user, agentId, true);
    const { from, to } = parseRange(['startsAt', 'endsAt'], dto.startsAt, dto.endsAt);
    const absence = await this.dataSource.manager.save(
      this.dataSource.manager.create(AgentAbsenceEntity, { agentId, startsAt: from, endsAt: to, reason: dto.reason?.trim() ?? '', createdById: user.userId }),
    );
    return { absence: toUnavailabilityView(absence), affected: await this.affected(agentId, from, to) };
  }

  /** The same list again, as bookings get reassigned or cancelled one by one. */
  async impact(user: UserPrincipal, agentId: string, absenceId: string): Promise<AbsenceImpactView> {
    await this.calendar.agent(user, agentId, true);
    const absence = await this.find(agentId, absenceId);
    return { absence: toUnavailabilityView(absence), affected: await this.affected(agentId, absence.startsAt, absence.endsAt) };
  }

  async remove(user: UserPrincipal, agentId: string, absenceId: string): Promise<void> {
    await this.calendar.agent(user, agentId, true);
    const result = await this.dataSource.manager.delete(AgentAbsenceEntity, { id: absenceId, agentId });
    if (!result.affected) throw new DomainError('NOT_FOUND', 'No such absence.');
  }

  private async find(agentId: string, absenceId: string): Promise<AgentAbsenceEntity> {
    const absence = await this.dataSource.manager.findOne(AgentAbsenceEntity, { where: { id: absenceId, agentId } });
    if (!absence) throw new DomainError('NOT_FOUND', 'No such absence.');
    return absence;
  }

  /** With the names of the booth, MSAP and type beside the citizen's: the coordinator must tell the bookings apart. */
  private async affected(agentId: string, from: Date, to: Date): Promise<AffectedConsultationView[]> {
    const rows = await this.consultations.scheduledForAgent(agentId, from, to, MAX_AFFECTED);
    const out: AffectedConsultationView[] = [];
    for (const row of rows) out.push({ consultation: toConsultationListItem(row), replacements: await this.replacements(row) });
    return out;
  }

  /**
   * Free colleagues for one booking. Absences are checked in SQL, bookings by the consultations'
   * repository, the weekly availability in local time here (the same rule as booking, so a proposed agent is bookable).
   */
  private async replacements(c: ConsultationListRow): Promise<AffectedConsultationView['replacements']> {
    const candidates = (await this.dataSource.query(
      `SELECT a.id AS "agentId", u.display_name AS "displayName",
              coalesce((SELECT json_agg(json_build_array(weekday, start_minute, end_minute)) FROM agent_availabilities WHERE agent_id = a.id), '[]') AS ranges
         FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.administration_id = $1 AND a.id <> $2 AND u.disabled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM agent_absences ab WHERE ab.agent_id = a.id AND ab.starts_at < $4 AND ab.ends_at > $3)
        ORDER BY u.display_name`,
      [c.administration_id, c.agent_id, c.starts_at, c.ends_at],
    )) as Array<{ agentId: string; displayName: string; ranges: Array<[number, number, number]> }>;
    const busy = await this.consultations.busyAgents(candidates.map((a) => a.agentId), c.starts_at, c.ends_at);
    const start = c.starts_at.getTime();
    const end = c.ends_at.getTime();
    return candidates
      .filter((a) => {
        if (busy.has(a.agentId)) return false;
        const ranges: WeeklyRange[] = a.ranges.map(([weekday, startMinute, endMinute]) => ({ weekday, startMinute, endMinute }));
        return covers(weeklyToIntervals(ranges, start, end), start, end);
      })
      .map(({ agentId, displayName }) => ({ agentId, displayName }));
  }
}
