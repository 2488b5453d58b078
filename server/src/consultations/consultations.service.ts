import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { CONSULTATION_LIST_SELECT, ConsultationListItem, ConsultationListRow, toConsultationListItem } from './consultation-view';
import { ListConsultationsQueryDto } from './dto/list-consultations.dto';

const LIST_LIMIT = 2000;

/** Reading consultations: agendas, boards and terminals. Writes are in the scheduling module. */
@Injectable()
export class ConsultationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The consultations the caller is concerned by, between two instants, with the names boards show. */
  async list(principal: Principal, from: Date, to: Date, filters: Omit<ListConsultationsQueryDto, 'from' | 'to'> = {}): Promise<ConsultationListItem[]> {
    const params: unknown[] = [from, to];
    const where = ['c.starts_at < $2', 'c.ends_at > $1', ...this.scope(principal, params)];
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    add('s.id', filters.msapSiteId);
    add('c.booth_id', filters.boothId);
    add('c.agent_id', filters.agentId);
    add('c.administration_id', filters.administrationId);
    add('c.status', filters.status);
    const rows = await this.select(where.join(' AND '), params, `ORDER BY c.starts_at, c.id LIMIT ${LIST_LIMIT}`);
    return rows.map((row) => this.view(principal, row));
  }

  async get(principal: Principal, id: string): Promise<ConsultationListItem> {
    const params: unknown[] = [id];
    const [row] = await this.select(['c.id = $1', ...this.scope(principal, params)].join(' AND '), params, '');
    if (!row) throw new DomainError('NOT_FOUND', 'No such consultation.');
    return this.view(principal, row);
  }

  /**
   * NOTE: a booth terminal stands in a public room and serves one citizen after another: it is told
   * when its consultations are, never who they are for nor what was noted about them.
   */
  private view(principal: Principal, row: ConsultationListRow): ConsultationListItem {
    const item = toConsultationListItem(row);
    if (principal.kind !== 'device') return item;
    return { ...item, citizen: { name: '', phone: null, email: null }, cancellationReason: null, outcomeNote: null };
  }

  private select(where: string, params: unknown[], tail: string): Promise<ConsultationListRow[]> {
    return this.dataSource.query(`${CONSULTATION_LIST_SELECT} WHERE ${where} ${tail}`, params);
  }

  /** Conditions limiting rows to the caller's scope; pushes its parameters onto `params`. */
  private scope(principal: Principal, params: unknown[]): string[] {
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (principal.kind === 'device') return [`c.booth_id = ${bind(principal.boothId)}`];
    switch (principal.role) {
      case 'admin':
        return [];
      case 'coordinator':
        return [`s.departement = ${bind(principal.departement ?? '')}`];
      case 'facilitator':
        return [`s.id = ${bind(principal.msapSiteId ?? '00000000-0000-0000-0000-000000000000')}`];
      case 'agent':
        return [`a.user_id = ${bind(principal.userId)}`];
    }
  }
}
