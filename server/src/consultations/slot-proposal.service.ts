import { Injectable } from '@nestjs/common';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { toParisIso } from '../common/time/paris-time';
import { canBookAt } from '../scheduling/scheduling-access';
import { NearestSlot, SlotSearchService } from '../scheduling/slot-search.service';
import { invalid } from '../scheduling/time-range';
import { ConsultationListItem } from './consultation-view';
import { ConsultationForChange, ConsultationRepository } from './consultation.repository';
import { ConsultationQueries } from './consultation-queries.service';
import { ConsultationsService } from './consultations.service';
import { ProposeSlotDto, ProposedSlotView } from './dto/propose-slot.dto';

/** How far ahead another slot is looked for: beyond a month, the citizen is better asked on the phone. */
export const PROPOSAL_DAYS = 30;

/**
 * "Propose another slot" for a booking that cannot be held (an absence, a schedule change): the first free slot
 * after it at the same booth, of the same length and type, with the same agent when free then,
 * else a colleague of the same administration. Shown first, then booked as a move, which tells
 * the citizen (the `rescheduled` SMS and e-mail) and both agents.
 */
@Injectable()
export class SlotProposalService {
  constructor(
    private readonly repository: ConsultationRepository,
    private readonly slots: SlotSearchService,
    private readonly consultations: ConsultationsService,
    private readonly queries: ConsultationQueries,
  ) {}

  async preview(user: UserPrincipal, id: string, now = Date.now()): Promise<ProposedSlotView> {
    const current = await this.movable(user, id);
    return toView(await this.nearest(current, now));
  }

  /** Books the slot given (the one previewed) or, without one, the nearest; answers the consultation where it now is. */
  async book(user: UserPrincipal, id: string, dto: ProposeSlotDto, now = Date.now()): Promise<ConsultationListItem> {
    if ((dto.startsAt === undefined) !== (dto.agentId === undefined)) {
      throw invalid(dto.startsAt === undefined ? 'startsAt' : 'agentId', 'REQUIRED', 'must be given with the other (the proposal), or neither');
    }
    let slot: { startsAt: string; agentId: string };
    if (dto.startsAt !== undefined && dto.agentId !== undefined) {
      slot = { startsAt: dto.startsAt, agentId: dto.agentId };
    } else {
      const nearest = await this.nearest(await this.movable(user, id), now);
      slot = { startsAt: toParisIso(nearest.start), agentId: nearest.agent.id };
    }
    // Same booth, same length: a move of the time and maybe the agent, checked and raced like any other.
    await this.consultations.reschedule(user, id, slot, now, dto.via ?? 'absence');
    return this.queries.get(user, id);
  }

  private async movable(user: UserPrincipal, id: string): Promise<ConsultationForChange> {
    const current = await this.repository.findForChange(id);
    if (!current) throw new DomainError('NOT_FOUND', 'No such consultation.');
    if (!canBookAt(user, { id: current.msap_site_id, departement: current.departement })) {
      throw new DomainError('FORBIDDEN', 'This consultation is at an MSAP outside your scope.');
    }
    if (current.status !== 'scheduled') throw new DomainError('CONSULTATION_NOT_SCHEDULED', `This consultation is ${current.status}.`);
    return current;
  }

  private async nearest(c: ConsultationForChange, now: number): Promise<NearestSlot> {
    if (c.consultation_type_id === null) throw invalid('consultationTypeId', 'REQUIRED', 'is needed to look for another slot (this booking has none)');
    const slot = await this.slots.nearest({
      boothId: c.booth_id,
      typeId: c.consultation_type_id,
      preferredAgentId: c.agent_id,
      durationMs: c.ends_at.getTime() - c.starts_at.getTime(),
      // After the booking: another slot is a later one (the citizen planned for that day, not before).
      notBefore: Math.max(now, c.ends_at.getTime()),
      days: PROPOSAL_DAYS,
    });
    if (!slot) throw new DomainError('NO_FREE_SLOT', `No free slot at this booth in the ${PROPOSAL_DAYS} days after this booking.`);
    return slot;
  }
}

function toView(s: NearestSlot): ProposedSlotView {
  return {
    startsAt: toParisIso(s.start),
    endsAt: toParisIso(s.end),
    agentId: s.agent.id,
    agentName: s.agent.displayName,
    sameAgent: s.sameAgent,
    boothId: s.booth.id,
    boothName: s.booth.name,
  };
}
