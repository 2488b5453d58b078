import { Module } from '@nestjs/common';
import { ConsultationRepository } from './consultation.repository';

/**
 * The consultations table's one data-access class, for the modules that read consultations
 * (scheduling, notifications, calls, directory, retention). Changes go through ConsultationsModule.
 */
@Module({
  providers: [ConsultationRepository],
  exports: [ConsultationRepository],
})
export class ConsultationStoreModule {}
