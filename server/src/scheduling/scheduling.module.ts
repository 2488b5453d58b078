import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { AbsencesService } from './absences.service';
import { AgentsController } from './agents.controller';
import { BookingController } from './booking.controller';
import { BookingService } from './booking.service';
import { CalendarService } from './calendar.service';
import { ConsultationEvents } from './consultation-events';
import { ConsultationTypesController } from './consultation-types.controller';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';
import { ScheduleReader } from './schedule-reader';
import { SiteCalendarController } from './site-calendar.controller';
import { SlotSearchService } from './slot-search.service';
import { SlotsController } from './slots.controller';

/**
 * Availability, absences, opening hours, closures, consultation types, slot search and booking.
 * Exports ConsultationEvents (sinks join every booking transaction) and BookingService (for jobs
 * that cancel through the same path).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConsultationTypeEntity, AdministrationEntity])],
  controllers: [BookingController, SlotsController, AgentsController, SiteCalendarController, ConsultationTypesController],
  providers: [ScheduleReader, BookingService, SlotSearchService, CalendarService, AbsencesService, ConsultationTypesService, ConsultationEvents],
  exports: [ConsultationEvents, BookingService, ScheduleReader],
})
export class SchedulingModule {}
