import { Module } from '@nestjs/common';
import { ConsultationReader } from './consultation.reader';

/**
 * Reading consultations, for the modules that show, announce or plan around them (scheduling,
 * notifications, calls, directory, retention). Changes go through ConsultationsModule, whose
 * ConsultationRepository is provided to it alone.
 */
@Module({
  providers: [ConsultationReader],
  exports: [ConsultationReader],
})
export class ConsultationStoreModule {}
