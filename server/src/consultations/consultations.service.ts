import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { CONSULTATION_COLUMNS, ConsultationListItem, ConsultationRow, toConsultationView } from './consultation-view';
import { ListConsultationsQueryDto } from './dto/list-consultations.dto';

const LIST_LIMIT = 2000;

interface ListRow extends ConsultationRow {
  booth_name: string;
  msap_site_id: string;
  msap_site_name: string;
  agent_name: string;
  administration_name: string;
  subject: string | null;
}

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
    return (await this.select(where.join(' AND '), params, `ORDER BY c.starts_at, c.id LIMIT ${LIST_LIMIT}`)).map(toListItem);
  }

  async get(principal: Principal, id: string): Promise<ConsultationListItem> {
    const params: unknown[] = [id];
    const [row] = await this.select(['c.id = $1', ...this.scope(principal, params)].join(' AND '), params, '');
    if (!row) throw new DomainError('NOT_FOUND', 'No such consultation.');
    return toListItem(row);
  }

  private select(where: string, params: unknown[], tail: string): Promise<ListRow[]> {
    return this.dataSource.query(
      `SELECT ${CONSULTATION_COLUMNS.replace(/(\w+)/g, 'c.$1')}, b.name AS booth_name, s.id AS msap_site_id, s.name AS msap_site_name,
              u.display_name AS agent_name, ad.name AS administration_name, t.subject
         FROM consultations c
         JOIN booths b ON b.id = c.booth_id JOIN msap_sites s ON s.id = b.msap_site_id
         JOIN agents a ON a.id = c.agent_id JOIN users u ON u.id = a.user_id
         JOIN administrations ad ON ad.id = c.administration_id
         LEFT JOIN consultation_types t ON t.id = c.consultation_type_id
        WHERE ${where} ${tail}`,
      params,
    );
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

function toListItem(r: ListRow): ConsultationListItem {
  return {
    ...toConsultationView(r),
    boothName: r.booth_name,
    msapSiteId: r.msap_site_id,
    msapSiteName: r.msap_site_name,
    agentName: r.agent_name,
    administrationName: r.administration_name,
    subject: r.subject,
  };
}
