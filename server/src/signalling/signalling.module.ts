import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ChatModule } from '../chat/chat.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { DeskEventsModule } from '../desk/desk-events.module';
import { DocumentsModule } from '../documents/documents.module';
import { CallAccessModule } from './call-access.module';
import { CallQualityModule } from './call-quality/call-quality.module';
import { CallMediaController } from './call-media.controller';
import { CallPresence } from './call-presence';
import { CallsService } from './calls.service';
import { BoothMessageController } from './booth-message/booth-message.controller';
import { BoothMessages } from './booth-message/booth-messages.service';
import { LobbyStatusReader } from './lobby-status';
import { LobbyWatch } from './lobby-watch';
import { ConsultationStoreModule } from '../consultations/consultation-store.module';
import { SignallingGateway } from './signalling.gateway';

@Module({
  imports: [AuthModule, ChatModule, ConsultationsModule, CallAccessModule, DocumentsModule, DeskEventsModule, ConsultationStoreModule, CallQualityModule],
  controllers: [CallMediaController, BoothMessageController],
  providers: [CallsService, CallPresence, SignallingGateway, LobbyStatusReader, LobbyWatch, BoothMessages],
})
export class SignallingModule {}
