import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { CreateConsultationTypeDto, UpdateConsultationTypeDto } from './dto/consultation-type.dto';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';
import { canManageAdministration } from './scheduling-access';
import { invalid } from './time-range';

/** What each administration offers: subject, duration, documents to bring. */
@Injectable()
export class ConsultationTypesService {
  constructor(
    @InjectRepository(ConsultationTypeEntity) private readonly types: Repository<ConsultationTypeEntity>,
    @InjectRepository(AdministrationEntity) private readonly administrations: Repository<AdministrationEntity>,
  ) {}

  list(administrationId: string | undefined): Promise<ConsultationTypeEntity[]> {
    return this.types.find({ where: administrationId ? { administrationId } : {}, order: { subject: 'ASC' } });
  }

  async create(user: UserPrincipal, dto: CreateConsultationTypeDto): Promise<ConsultationTypeEntity> {
    const administration = await this.administrations.findOne({ where: { id: dto.administrationId } });
    if (!administration) throw invalid('administrationId', 'UNKNOWN', 'does not name an administration');
    this.assertCanManage(user, administration);
    return this.types.save(
      this.types.create({
        administrationId: administration.id,
        subject: dto.subject.trim(),
        durationMinutes: dto.durationMinutes,
        documents: (dto.documents ?? []).map((d) => d.trim()).filter(Boolean),
        active: true,
      }),
    );
  }

  async update(user: UserPrincipal, id: string, dto: UpdateConsultationTypeDto): Promise<ConsultationTypeEntity> {
    const type = await this.types.findOne({ where: { id }, relations: { administration: true } });
    if (!type || !type.administration) throw new DomainError('NOT_FOUND', 'No such consultation type.');
    this.assertCanManage(user, type.administration);
    if (dto.subject !== undefined) type.subject = dto.subject.trim();
    if (dto.durationMinutes !== undefined) type.durationMinutes = dto.durationMinutes;
    if (dto.documents !== undefined) type.documents = dto.documents.map((d) => d.trim()).filter(Boolean);
    if (dto.active !== undefined) type.active = dto.active;
    delete type.administration;
    return this.types.save(type);
  }

  private assertCanManage(user: UserPrincipal, administration: AdministrationEntity): void {
    if (!canManageAdministration(user, administration)) throw new DomainError('FORBIDDEN', 'This administration is outside your scope.');
  }
}
