import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { DocumentsModule } from '../documents/documents.module';
import { CallAccessModule } from './call-access.module';
import { CallMediaController } from './call-media.controller';
import { CallsService } from './calls.service';
import { SignallingGateway } from './signalling.gateway';

@Module({
  imports: [AuthModule, ConsultationsModule, CallAccessModule, DocumentsModule],
  controllers: [CallMediaController],
  providers: [CallsService, SignallingGateway],
})
export class SignallingModule {}
