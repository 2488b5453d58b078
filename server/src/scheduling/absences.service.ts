import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { visibleAdministrations } from '../directory/site-access';
import { ConsultationReader } from '../consultations/consultation.reader';
import { ConsultationListRow, toConsultationListItem } from '../consultations/consultation-view';
import { CalendarService, toUnavailabilityView } from './calendar.service';
import { AbsenceImpactView, AffectedConsultationView } from './dto/absence-impact.view';
import { DateRangeQueryDto, ListAbsencesQueryDto, UnavailabilityDto } from './dto/calendar.dto';
import { AbsenceListItemView, UnavailabilityView } from './dto/unavailability.view';
import { AgentAbsenceEntity } from './entities/unavailability.entity';
import { toParisIso } from '../common/time/paris-time';
import { freeColleagues } from './free-colleagues';
import { parseRange } from './time-range';
import { canManageAgent } from './scheduling-access';

/** Plenty for a long leave; a longer list is better handled by a mass cancellation. */
const MAX_AFFECTED = 500;
/** A year of a département's absences fits; more would be a list nobody reads. */
const MAX_LISTED = 2000;

/**
 * Declaring an agent absent does not touch their bookings: it lists them, each with the agents who
 * could take it, and the coordinator then reassigns, moves or cancels each one (ConsultationsService).
 * An agent's absences never overlap (agent_absences_no_overlap): a second one over the same time is
 * refused with the dates of the first. Declaring and deleting are audited, without the reason
 * (free text, often about the agent's health).
 */
@Injectable()
export class AbsencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly consultations: ConsultationReader,
    private readonly audit: AuditService,
  ) {}

  /** The absences over a period of the agents the caller manages (admins: all; coordinators: their département), or of one. */
  async listInScope(user: UserPrincipal, q: ListAbsencesQueryDto): Promise<AbsenceListItemView[]> {
    const { from, to } = parseRange(['from', 'to'], q.from, q.to);
    if (q.agentId !== undefined) await this.calendar.agent(user, q.agentId, true);
    const scope = visibleAdministrations(user, 4);
    const rows = (await this.dataSource.query(
      `SELECT ab.id, ab.starts_at AS "startsAt", ab.ends_at AS "endsAt", ab.reason, ab.created_by_id AS "createdById",
              ab.agent_id AS "agentId", u.display_name AS "agentName", ad.name AS "administrationName"
         FROM agent_absences ab JOIN agents a ON a.id = ab.agent_id JOIN users u ON u.id = a.user_id
         JOIN administrations ad ON ad.id = a.administration_id
        WHERE ab.starts_at < $2 AND ab.ends_at > $1 AND ($3::uuid IS NULL OR ab.agent_id = $3) AND ${scope.sql}
        ORDER BY ab.starts_at, u.display_name, ab.id LIMIT ${MAX_LISTED}`,
      [from, to, q.agentId ?? null, ...scope.params],
    )) as Array<Parameters<typeof toUnavailabilityView>[0] & { agentId: string; agentName: string; administrationName: string }>;
    const toSettle = await this.consultations.scheduledCountsForAgents(rows.map((r) => ({ agentId: r.agentId, from: r.startsAt, to: r.endsAt })));
    return rows.map((r, i) => ({
      ...toUnavailabilityView(r),
      agentId: r.agentId,
      agentName: r.agentName,
      administrationName: r.administrationName,
      toSettle: toSettle[i] ?? 0,
    }));
  }

  /**
   * When an agent is away, for anyone who plans around them; why (free text, often about health)
   * only for those who manage the agent and the agent themself.
   */
  async list(user: UserPrincipal, agentId: string, q: DateRangeQueryDto): Promise<UnavailabilityView[]> {
    const agent = await this.calendar.agent(user, agentId, false);
    const mayReadReason = canManageAgent(user, agent);
    const { from, to } = parseRange(['from', 'to'], q.from, q.to);
    const rows = await this.dataSource.manager
      .createQueryBuilder(AgentAbsenceEntity, 'a')
      .where('a.agentId = :agentId AND a.startsAt < :to AND a.endsAt > :from', { agentId, from, to })
      .orderBy('a.startsAt', 'ASC')
      .getMany();
    return rows.map((row) => (mayReadReason ? toUnavailabilityView(row) : { ...toUnavailabilityView(row), reason: '' }));
  }

  async declare(user: UserPrincipal, agentId: string, dto: UnavailabilityDto): Promise<AbsenceImpactView> {
    await this.calendar.agent(user, agentId, true);
    const { from, to } = parseRange(['startsAt', 'endsAt'], dto.startsAt, dto.endsAt);
    let absence: AgentAbsenceEntity;
    try {
      absence = await this.dataSource.transaction(async (tx) => {
        const saved = await tx.save(tx.create(AgentAbsenceEntity, { agentId, startsAt: from, endsAt: to, reason: dto.reason?.trim() ?? '', createdById: user.userId }));
        await this.audit.record(
          { action: 'absence.declared', actorUserId: user.userId, subjectType: 'absence', subjectId: saved.id, details: { agentId, startsAt: from.toISOString(), endsAt: to.toISOString() } },
          tx,
        );
        return saved;
      });
    } catch (error) {
      if (isOverlap(error)) throw await this.overlapError(agentId, from, to);
      throw error;
    }
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
    await this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(`DELETE FROM agent_absences WHERE id = $1 AND agent_id = $2 RETURNING starts_at, ends_at`, [absenceId, agentId])) as [
        Array<{ starts_at: Date; ends_at: Date }>,
        number,
      ];
      const deleted = rows[0];
      if (!deleted) throw new DomainError('NOT_FOUND', 'No such absence.');
      await this.audit.record(
        {
          action: 'absence.deleted',
          actorUserId: user.userId,
          subjectType: 'absence',
          subjectId: absenceId,
          details: { agentId, startsAt: deleted.starts_at.toISOString(), endsAt: deleted.ends_at.toISOString() },
        },
        tx,
      );
    });
  }

  /** The 409 for an absence over another: names the first one found (its dates, for the person to find it). */
  private async overlapError(agentId: string, from: Date, to: Date): Promise<DomainError> {
    const existing = await this.dataSource.manager
      .createQueryBuilder(AgentAbsenceEntity, 'a')
      .where('a.agentId = :agentId AND a.startsAt < :to AND a.endsAt > :from', { agentId, from, to })
      .orderBy('a.startsAt', 'ASC')
      .getOne();
    const which = existing ? ` ${existing.id} from ${toParisIso(existing.startsAt)} to ${toParisIso(existing.endsAt)}` : ' declared meanwhile';
    return new DomainError('ABSENCE_OVERLAP', `This agent already has an absence over that time: the absence${which}.`, {
      startsAt: ['ABSENCE_OVERLAP'],
      endsAt: ['ABSENCE_OVERLAP'],
    });
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

  /** Free colleagues for one booking (the same rule as for a change of availability). */
  private replacements(c: ConsultationListRow): Promise<AffectedConsultationView['replacements']> {
    return freeColleagues(this.dataSource, this.consultations, c);
  }
}

function isOverlap(error: unknown): boolean {
  const pg = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return pg?.code === '23P01' && pg.constraint === 'agent_absences_no_overlap';
}
