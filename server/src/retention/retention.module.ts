import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { RetentionController } from './retention.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Retention of personal data and logs (RGPD art. 5-1-e): the periodic sweep and its admin view. */
@Module({
  imports: [ConsultationsModule],
  controllers: [RetentionController],
  providers: [RetentionService, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule {}
