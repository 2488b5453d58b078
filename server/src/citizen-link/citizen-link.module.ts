import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { CallbackRequestsController } from './callback-requests.controller';
import { CallbackRequestsService } from './callback-requests.service';
import { CitizenAppointmentsController } from './citizen-appointments.controller';
import { CitizenAppointmentsService } from './citizen-appointments.service';
import { CitizenLinkRepository } from './citizen-link.repository';
import { CitizenLinks } from './citizen-links';
import { SlipService } from './slip/slip.service';

/**
 * The citizen's personal link (no account): its tokens (issued with a booking's confirmation and each
 * printed slip), the citizen's page (see, cancel, ask to be called back), the callback requests staff
 * handle, and the printed slip. Notifications import it to put the link into the confirmation.
 */
@Module({
  imports: [AuditModule, AuthModule, ConsultationsModule],
  controllers: [CitizenAppointmentsController, CallbackRequestsController],
  providers: [CitizenLinkRepository, CitizenLinks, CitizenAppointmentsService, CallbackRequestsService, SlipService],
  exports: [CitizenLinks],
})
export class CitizenLinkModule {}
