import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsultationStoreModule } from '../consultations/consultation-store.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { ChecklistController } from './checklist.controller';
import { ChecklistRepository } from './checklist.repository';
import { SupportService } from './support.service';
import { TemplatesService } from './templates.service';

/** The facilitator's digital-support checklist: templates per consultation type, the record of each consultation, consents. */
@Module({
  imports: [AuditModule, ConsultationStoreModule, ConsultationsModule],
  controllers: [ChecklistController],
  providers: [ChecklistRepository, TemplatesService, SupportService],
  exports: [SupportService],
})
export class ChecklistModule {}
