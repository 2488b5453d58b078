import { Module } from '@nestjs/common';
import { ConsultationStoreModule } from '../consultations/consultation-store.module';
import { CallAccessService } from './call-access.service';

/** Who may take part in a consultation, and when: the same rule for its call and its documents. */
@Module({
  imports: [ConsultationStoreModule],
  providers: [CallAccessService],
  exports: [CallAccessService],
})
export class CallAccessModule {}
