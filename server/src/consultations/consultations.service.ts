import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Principal } from '../auth/principal';
import { ConsultationEntity } from './entities/consultation.entity';

@Injectable()
export class ConsultationsService {
  constructor(@InjectRepository(ConsultationEntity) private readonly consultations: Repository<ConsultationEntity>) {}

  /** The consultations the caller is concerned by, between two instants. */
  list(principal: Principal, from: Date, to: Date): Promise<ConsultationEntity[]> {
    const qb = this.consultations
      .createQueryBuilder('c')
      .innerJoin('c.booth', 'b')
      .innerJoin('b.msapSite', 's')
      .innerJoin('c.agent', 'a')
      .where('c.startsAt < :to AND c.endsAt > :from', { from, to })
      .orderBy('c.startsAt', 'ASC')
      .limit(1000);
    return this.scope(qb, principal).getMany();
  }

  private scope(qb: SelectQueryBuilder<ConsultationEntity>, principal: Principal): SelectQueryBuilder<ConsultationEntity> {
    if (principal.kind === 'device') return qb.andWhere('c.boothId = :boothId', { boothId: principal.boothId });
    switch (principal.role) {
      case 'admin':
        return qb;
      case 'coordinator':
        return qb.andWhere('s.departement = :dep', { dep: principal.departement ?? '' });
      case 'facilitator':
        return qb.andWhere('s.id = :siteId', { siteId: principal.msapSiteId ?? '00000000-0000-0000-0000-000000000000' });
      case 'agent':
        return qb.andWhere('a.userId = :userId', { userId: principal.userId });
    }
  }
}
