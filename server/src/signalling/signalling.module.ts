import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { DeskEventsModule } from '../desk/desk-events.module';
import { DocumentsModule } from '../documents/documents.module';
import { CallAccessModule } from './call-access.module';
import { CallMediaController } from './call-media.controller';
import { CallPresence } from './call-presence';
import { CallsService } from './calls.service';
import { SignallingGateway } from './signalling.gateway';

@Module({
  imports: [AuthModule, ConsultationsModule, CallAccessModule, DocumentsModule, DeskEventsModule],
  controllers: [CallMediaController],
  providers: [CallsService, CallPresence, SignallingGateway],
})
export class SignallingModule {}
