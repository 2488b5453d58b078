import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { CreateConsultationTypeDto, UpdateConsultationTypeDto } from './dto/consultation-type.dto';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';
import { canManageAdministration } from './scheduling-access';
import { invalid } from './time-range';

type Editable = Pick<ConsultationTypeEntity, 'subject' | 'durationMinutes' | 'documents' | 'active'>;
const EDITABLE: ReadonlyArray<keyof Editable> = ['subject', 'durationMinutes', 'documents', 'active'];

/**
 * What each administration offers: subject, duration, documents to bring. A type is never deleted
 * (past consultations keep it): it is retired (`active: false`) and no longer offered. A change
 * does not touch the bookings already made: they keep their own start and end.
 */
@Injectable()
export class ConsultationTypesService {
  constructor(
    @InjectRepository(ConsultationTypeEntity) private readonly types: Repository<ConsultationTypeEntity>,
    @InjectRepository(AdministrationEntity) private readonly administrations: Repository<AdministrationEntity>,
    private readonly audit: AuditService,
  ) {}

  list(administrationId: string | undefined): Promise<ConsultationTypeEntity[]> {
    return this.types.find({ where: administrationId ? { administrationId } : {}, order: { subject: 'ASC' } });
  }

  async create(user: UserPrincipal, dto: CreateConsultationTypeDto): Promise<ConsultationTypeEntity> {
    const administration = await this.administrations.findOne({ where: { id: dto.administrationId } });
    if (!administration) throw invalid('administrationId', 'UNKNOWN', 'does not name an administration');
    this.assertCanManage(user, administration);
    const subject = cleanSubject(dto.subject);
    return this.types.manager.transaction(async (tx) => {
      const type = await tx.save(
        tx.create(ConsultationTypeEntity, {
          administrationId: administration.id,
          subject,
          durationMinutes: dto.durationMinutes,
          documents: cleanDocuments(dto.documents ?? []),
          active: true,
        }),
      );
      await this.record(tx, user, 'consultation_type.created', type.id, { administrationId: type.administrationId, after: editable(type) });
      return type;
    });
  }

  async update(user: UserPrincipal, id: string, dto: UpdateConsultationTypeDto): Promise<ConsultationTypeEntity> {
    return this.types.manager.transaction(async (tx) => {
      // Locked: two edits in a row each audit the values they really replaced (NO KEY: bookings of the type do not wait).
      const type = await tx.findOne(ConsultationTypeEntity, { where: { id }, lock: { mode: 'for_no_key_update' } });
      if (!type) throw new DomainError('NOT_FOUND', 'No such consultation type.');
      const administration = await tx.findOneOrFail(AdministrationEntity, { where: { id: type.administrationId } });
      this.assertCanManage(user, administration);
      const next: Partial<Editable> = {
        subject: dto.subject === undefined ? undefined : cleanSubject(dto.subject),
        durationMinutes: dto.durationMinutes,
        documents: dto.documents === undefined ? undefined : cleanDocuments(dto.documents),
        active: dto.active,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of EDITABLE) {
        const to = next[field];
        if (to !== undefined && JSON.stringify(to) !== JSON.stringify(type[field])) changes[field] = { from: type[field], to };
      }
      if (Object.keys(changes).length === 0) return type;
      Object.assign(type, Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to])));
      const saved = await tx.save(type);
      await this.record(tx, user, 'consultation_type.updated', id, { administrationId: type.administrationId, changes });
      return saved;
    });
  }

  private record(tx: EntityManager, user: UserPrincipal, action: 'consultation_type.created' | 'consultation_type.updated', id: string, details: Record<string, unknown>) {
    return this.audit.record({ action, actorUserId: user.userId, subjectType: 'consultation_type', subjectId: id, details }, tx);
  }

  private assertCanManage(user: UserPrincipal, administration: AdministrationEntity): void {
    if (!canManageAdministration(user, administration)) throw new DomainError('FORBIDDEN', 'This administration is outside your scope.');
  }
}

/** Spaces around do not count towards the 3 characters the DTO asks for. */
function cleanSubject(subject: string): string {
  const trimmed = subject.trim();
  if (trimmed.length < 3) throw invalid('subject', 'TOO_SHORT', 'must have at least 3 characters besides spaces');
  return trimmed;
}

const cleanDocuments = (documents: readonly string[]): string[] => documents.map((d) => d.trim()).filter(Boolean);
const editable = (t: ConsultationTypeEntity): Editable => ({ subject: t.subject, durationMinutes: t.durationMinutes, documents: t.documents, active: t.active });
