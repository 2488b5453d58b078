import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ConsultationStoreModule } from '../consultations/consultation-store.module';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { AbsencesService } from './absences.service';
import { AbsencesController } from './absences.controller';
import { AgentsController } from './agents.controller';
import { CalendarService } from './calendar.service';
import { ConsultationTypesController } from './consultation-types.controller';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';
import { ScheduleImpactService } from './schedule-impact.service';
import { ScheduleReader } from './schedule-reader';
import { SiteCalendarController } from './site-calendar.controller';
import { SlotSearchService } from './slot-search.service';
import { SlotsController } from './slots.controller';

/**
 * When consultations can happen: availability, absences, opening hours, closures, consultation
 * types and the slot search. It reads booked consultations (ConsultationStoreModule) to find free
 * slots and the bookings an absence or a schedule change hits; it does not write them
 * (ConsultationsModule does, and asks ScheduleReader whether a booking fits).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConsultationTypeEntity, AdministrationEntity]), ConsultationStoreModule, AuditModule],
  controllers: [SlotsController, AgentsController, AbsencesController, SiteCalendarController, ConsultationTypesController],
  providers: [ScheduleReader, SlotSearchService, CalendarService, AbsencesService, ConsultationTypesService, ScheduleImpactService],
  exports: [ScheduleReader, SlotSearchService],
})
export class SchedulingModule {}
