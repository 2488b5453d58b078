import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RequestContexts } from '../common/http/request-context';
import { AuditAction, AuditEventEntity } from './entities/audit-event.entity';

export interface AuditRecord {
  action: AuditAction;
  actorUserId?: string | null;
  actorDeviceId?: string | null;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Records an event; pass the transaction's manager so the event commits with the change it describes. */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEventEntity) : this.events;
    const request = RequestContexts.current();
    await repo.insert({
      // TypeORM's deep-partial type cannot express an arbitrary JSON object column.
      details: (record.details ?? {}) as never,
      action: record.action,
      actorUserId: record.actorUserId ?? null,
      actorDeviceId: record.actorDeviceId ?? null,
      subjectType: record.subjectType ?? null,
      subjectId: record.subjectId ?? null,
      ip: record.ip !== undefined ? record.ip : (request?.ip ?? null),
      requestId: request?.requestId ?? null,
    });
  }
}
