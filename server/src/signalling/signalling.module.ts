import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { CallAccessService } from './call-access.service';
import { CallMediaController } from './call-media.controller';
import { CallsService } from './calls.service';
import { SignallingGateway } from './signalling.gateway';

@Module({
  imports: [AuthModule, ConsultationsModule],
  controllers: [CallMediaController],
  providers: [CallAccessService, CallsService, SignallingGateway],
})
export class SignallingModule {}
