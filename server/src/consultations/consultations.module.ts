import { Module } from '@nestjs/common';
import { ConsultationsController } from './consultations.controller';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationsService } from './consultations.service';

@Module({
  controllers: [ConsultationsController],
  providers: [ConsultationsService, ConsultationLifecycleService],
  exports: [ConsultationsService, ConsultationLifecycleService],
})
export class ConsultationsModule {}
