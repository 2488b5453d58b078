import { Injectable } from '@nestjs/common';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { canManageSite } from '../directory/site-access';
import { agentTime, openTime } from './availability-check';
import { Interval, normalize, subtract } from '../common/time/intervals';
import { SearchSlotsQueryDto } from './dto/search-slots.dto';
import { toParisIso, WeeklyRange } from '../common/time/paris-time';
import { ScheduleReader, SearchData } from './schedule-reader';
import { findSlots, ResourceFreeTime } from './slot-finder';
import { invalid, parseRange } from './time-range';
import { SlotSearchResult } from './dto/slot-search.view';

/** Searches are for planning: a few weeks, at most three months. */
const MAX_SEARCH_DAYS = 92;

/** Free slots = agent availability ∩ MSAP opening hours − absences − closures − bookings of agent and booth. */
@Injectable()
export class SlotSearchService {
  constructor(private readonly reader: ScheduleReader) {}

  async search(user: UserPrincipal, q: SearchSlotsQueryDto, now = Date.now()): Promise<SlotSearchResult> {
    if (q.msapSiteId === undefined && q.boothId === undefined) throw invalid('msapSiteId', 'REQUIRED', 'or boothId is required');
    const range = parseRange(['from', 'to'], q.from, q.to, { maxDays: MAX_SEARCH_DAYS });
    const from = range.from.getTime();
    const to = range.to.getTime();
    const data = await this.reader.searchData({
      siteId: q.msapSiteId ?? null,
      boothId: q.boothId ?? null,
      agentId: q.agentId ?? null,
      typeId: q.consultationTypeId,
      from: range.from,
      to: range.to,
    });
    if (!data.type) throw invalid('consultationTypeId', 'UNKNOWN', 'does not name a consultation type');
    if (q.administrationId !== undefined && q.administrationId !== data.type.administrationId) {
      throw invalid('administrationId', 'WRONG_ADMINISTRATION', 'is not the administration of this consultation type');
    }
    if (!data.site) throw invalid(q.boothId ? 'boothId' : 'msapSiteId', 'UNKNOWN', q.boothId ? 'does not name a booth' : 'does not name an MSAP site');
    if (q.boothId && data.booths.length === 0) throw invalid('boothId', 'RETIRED', 'is not a booth in service at this MSAP site');
    if (q.agentId && data.agents.length === 0) throw invalid('agentId', 'UNKNOWN', 'does not name an agent of the administration of this type');
    if (!canManageSite(user, data.site)) throw new DomainError('FORBIDDEN', 'This MSAP is outside your scope.');

    const { open, agents, booths } = freeTime(data, from, to);
    const limit = q.limit ?? 500;
    const slots = findSlots({
      open: normalize(open),
      agents,
      booths,
      durationMs: data.type.durationMinutes * 60_000,
      stepMs: (q.stepMinutes ?? 15) * 60_000,
      notBefore: Math.max(from, now),
      notAfter: to,
      limit: limit + 1,
    });
    return {
      consultationTypeId: data.type.id,
      durationMinutes: data.type.durationMinutes,
      agents: data.agents,
      booths: data.booths,
      slots: slots.slice(0, limit).map((s) => ({ startsAt: toParisIso(s.start), endsAt: toParisIso(s.end), agents: s.agents, booths: s.booths })),
      truncated: slots.length > limit,
    };
  }

  /**
   * The first free slot of `durationMs` at one booth from `notBefore` (within `days`): with
   * `preferredAgentId` when they are free then, else with the first agent by name of the type's
   * administration who is. Null when there is none, or the booth is retired. The caller checks rights.
   */
  async nearest(q: { boothId: string; typeId: string; preferredAgentId: string; durationMs: number; notBefore: number; days: number }): Promise<NearestSlot | null> {
    const from = q.notBefore;
    const to = from + q.days * 86_400_000;
    const data = await this.reader.searchData({ siteId: null, boothId: q.boothId, agentId: null, typeId: q.typeId, from: new Date(from), to: new Date(to) });
    const booth = data.booths[0];
    if (!data.type || !data.site || !booth) return null;
    const { open, agents, booths } = freeTime(data, from, to);
    const [slot] = findSlots({ open: normalize(open), agents, booths, durationMs: q.durationMs, stepMs: NEAREST_STEP_MS, notBefore: from, notAfter: to, limit: 1 });
    if (!slot) return null;
    const preferred = data.agents.findIndex((a) => a.id === q.preferredAgentId);
    const agent = data.agents[slot.agents.includes(preferred) ? preferred : slot.agents[0]!]!;
    return { start: slot.start, end: slot.end, booth, agent, sameAgent: agent.id === q.preferredAgentId };
  }
}

/** Free slots start on the quarter hours, as the coordinators' search proposes them by default. */
const NEAREST_STEP_MS = 15 * 60_000;

export interface NearestSlot {
  start: number;
  end: number;
  booth: { id: string; name: string };
  agent: { id: string; displayName: string };
  sameAgent: boolean;
}

/** When the site is open, and when each agent and each booth of `data` is free, over [from, to). */
function freeTime(data: SearchData, from: number, to: number): { open: Interval[]; agents: ResourceFreeTime[]; booths: ResourceFreeTime[] } {
  const open = openTime(data, from, to);
  const perAgent = <T>() => data.agents.map((): T[] => []);
  const agentBusy = perAgent<Interval>();
  const boothBusy = data.booths.map((): Interval[] => []);
  for (const b of data.bookings) {
    if (b.agent >= 0) agentBusy[b.agent]!.push(b);
    if (b.booth >= 0) boothBusy[b.booth]!.push(b);
  }
  const availabilityOf = perAgent<WeeklyRange>();
  for (const r of data.availability) availabilityOf[r.agent]!.push(r);
  const absencesOf = perAgent<Interval>();
  for (const a of data.absences) absencesOf[a.agent]!.push(a);
  const agents = data.agents.map(({ id }, i) => ({
    id,
    free: subtract(agentTime({ availability: availabilityOf[i]!, opening: [], absences: absencesOf[i]!, closures: [] }, from, to, open), agentBusy[i]!),
  }));
  const booths = data.booths.map(({ id }, i) => ({ id, free: subtract(open, boothBusy[i]!) }));
  return { open, agents, booths };
}
