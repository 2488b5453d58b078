import { Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { ConsultationListItem, toConsultationListItem } from './consultation-view';
import { ConsultationScope, ConsultationReader } from './consultation.reader';
import { ListConsultationsQueryDto } from './dto/list-consultations.dto';

const LIST_LIMIT = 2000;
/** Matches no MSAP: a facilitator without one sees nothing rather than everything. */
const NO_MSAP = '00000000-0000-0000-0000-000000000000';

/** Reading consultations: agendas, boards and terminals, each limited to what its caller may see. */
@Injectable()
export class ConsultationQueries {
  constructor(private readonly repository: ConsultationReader) {}

  /** The consultations the caller is concerned by, between two instants, with the names boards show. */
  async list(principal: Principal, from: Date, to: Date, filters: Omit<ListConsultationsQueryDto, 'from' | 'to'> = {}): Promise<ConsultationListItem[]> {
    const rows = await this.repository.list(scopeOf(principal), from, to, filters, LIST_LIMIT);
    return rows.map((row) => view(principal, toConsultationListItem(row)));
  }

  async get(principal: Principal, id: string): Promise<ConsultationListItem> {
    const row = await this.repository.get(scopeOf(principal), id);
    if (!row) throw new DomainError('NOT_FOUND', 'No such consultation.');
    return view(principal, toConsultationListItem(row));
  }
}

function scopeOf(principal: Principal): ConsultationScope {
  if (principal.kind === 'device') return { kind: 'booth', boothId: principal.boothId };
  switch (principal.role) {
    case 'admin':
      return { kind: 'all' };
    case 'coordinator':
      // Coordinators without a département see nothing rather than everything.
      return { kind: 'departement', departement: principal.departement ?? '' };
    case 'facilitator':
      return { kind: 'msap', msapSiteId: principal.msapSiteId ?? NO_MSAP };
    case 'agent':
      return { kind: 'agent', userId: principal.userId };
  }
}

/**
 * NOTE: a booth terminal stands in a public room and serves one citizen after another: it is told
 * when its consultations are, never who they are for nor what was noted about them.
 */
function view(principal: Principal, item: ConsultationListItem): ConsultationListItem {
  if (principal.kind !== 'device') return item;
  return { ...item, citizen: { name: '', phone: null, landline: null, email: null }, cancellationReason: null, outcomeNote: null };
}
