import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { covers, Interval, normalize } from '../common/time/intervals';
import { weeklyToIntervals, WeeklyRange } from '../common/time/paris-time';
import { ConsultationReader } from '../consultations/consultation.reader';
import { toConsultationListItem } from '../consultations/consultation-view';
import { CalendarService } from './calendar.service';
import { UnavailabilityDto, WeeklyScheduleDto } from './dto/calendar.dto';
import { AffectedConsultationView } from './dto/absence-impact.view';
import { ScheduleImpactView } from './dto/schedule-impact.view';
import { MsapClosureEntity } from './entities/unavailability.entity';
import { AgentAvailabilityEntity, MsapOpeningHoursEntity } from './entities/weekly-range.entity';
import { freeColleagues } from './free-colleagues';
import { MAX_RANGE_DAYS } from './time-range';

/** Plenty to settle one by one; a longer list is better handled by a mass cancellation. */
const MAX_AFFECTED = 500;
/** Bookings start a year ahead at most (ConsultationsService), and last a few hours. */
const HORIZON_MS = (MAX_RANGE_DAYS + 1) * 86_400_000;

/**
 * What a schedule change would do to the bookings already made, before it is saved: like an
 * absence, a change never touches bookings itself. The coordinator sees the bookings it would leave
 * outside, saves, then moves, hands over or cancels each one (ConsultationsService); asking again
 * with the saved schedule lists those still to settle. Only bookings not yet started count: one
 * under way cannot be moved any more.
 */
@Injectable()
export class ScheduleImpactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly consultations: ConsultationReader,
  ) {}

  /** The bookings at the MSAP's booths that these opening hours would leave outside. */
  async ofOpeningHours(user: UserPrincipal, siteId: string, dto: WeeklyScheduleDto, now = Date.now()): Promise<ScheduleImpactView> {
    await this.calendar.site(user, siteId, true);
    const ranges = this.calendar.checkedOpeningHours(dto);
    const spans = await this.consultations.scheduledSpans({ msapSiteId: siteId }, new Date(now), new Date(now + HORIZON_MS));
    return this.view(outside(spans, ranges), false);
  }

  /** The bookings at the MSAP's booths that this closure would fall on. */
  async ofClosure(user: UserPrincipal, siteId: string, dto: UnavailabilityDto, now = Date.now()): Promise<ScheduleImpactView> {
    await this.calendar.site(user, siteId, true);
    const { from, to } = await this.calendar.checkedClosure(siteId, dto);
    const spans = await this.consultations.scheduledSpans({ msapSiteId: siteId }, new Date(now), to);
    return this.view(spans.filter((s) => s.end > from.getTime()), false);
  }

  /** The agent's bookings that this availability would leave outside, each with the colleagues free to take it. */
  async ofAvailability(user: UserPrincipal, agentId: string, dto: WeeklyScheduleDto, now = Date.now()): Promise<ScheduleImpactView> {
    const agent = await this.calendar.agent(user, agentId, true);
    const ranges = await this.calendar.checkedAvailability(agent, dto);
    const spans = await this.consultations.scheduledSpans({ agentId }, new Date(now), new Date(now + HORIZON_MS));
    return this.view(outside(spans, ranges), true);
  }

  /**
   * The bookings ahead at the MSAP's booths that its schedule as stored no longer holds: outside its
   * opening hours, or on one of its closures. What a coordinator still has to move or cancel after
   * saving a change (and finds again on opening the page later).
   */
  async toSettleAtSite(user: UserPrincipal, siteId: string, now = Date.now()): Promise<ScheduleImpactView> {
    await this.calendar.site(user, siteId, true);
    const to = now + HORIZON_MS;
    const [opening, closures, spans] = await Promise.all([
      this.dataSource.manager.find(MsapOpeningHoursEntity, { where: { msapSiteId: siteId } }),
      this.dataSource.manager
        .createQueryBuilder(MsapClosureEntity, 'c')
        .where('c.msapSiteId = :siteId AND c.startsAt < :to AND c.endsAt > :from', { siteId, from: new Date(now), to: new Date(to) })
        .getMany(),
      this.consultations.scheduledSpans({ msapSiteId: siteId }, new Date(now), new Date(to)),
    ]);
    const closed = normalize(closures.map((c) => ({ start: c.startsAt.getTime(), end: c.endsAt.getTime() })));
    const onClosure = (s: Interval) => closed.some((c) => c.start < s.end && c.end > s.start);
    const outsideHours = new Set(outside(spans, opening).map((s) => s.id));
    return this.view(
      spans.filter((s) => outsideHours.has(s.id) || onClosure(s)),
      false,
    );
  }

  /** The agent's bookings ahead outside their availability as stored, each with the colleagues free to take it. */
  async toSettleOfAgent(user: UserPrincipal, agentId: string, now = Date.now()): Promise<ScheduleImpactView> {
    await this.calendar.agent(user, agentId, true);
    const [availability, spans] = await Promise.all([
      this.dataSource.manager.find(AgentAvailabilityEntity, { where: { agentId } }),
      this.consultations.scheduledSpans({ agentId }, new Date(now), new Date(now + HORIZON_MS)),
    ]);
    return this.view(outside(spans, availability), true);
  }

  private async view(spans: ReadonlyArray<Interval & { id: string }>, withColleagues: boolean): Promise<ScheduleImpactView> {
    const rows = await this.consultations.scheduledByIds(spans.slice(0, MAX_AFFECTED).map((s) => s.id));
    const affected: AffectedConsultationView[] = [];
    for (const row of rows) {
      affected.push({ consultation: toConsultationListItem(row), replacements: withColleagues ? await freeColleagues(this.dataSource, this.consultations, row) : [] });
    }
    return { affected, total: spans.length };
  }
}

/** Those not wholly inside the weekly ranges: the rule a booking is checked against (whyUnavailable). */
function outside<T extends Interval>(spans: readonly T[], ranges: readonly WeeklyRange[]): T[] {
  return spans.filter((s) => !covers(weeklyToIntervals(ranges, s.start, s.end), s.start, s.end));
}
