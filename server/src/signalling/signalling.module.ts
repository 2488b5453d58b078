import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { ConsultationEntity } from '../consultations/entities/consultation.entity';
import { CallAccessService } from './call-access.service';
import { CallMediaController } from './call-media.controller';
import { CallsService } from './calls.service';
import { SignallingGateway } from './signalling.gateway';

@Module({
  imports: [TypeOrmModule.forFeature([ConsultationEntity]), AuthModule, ConsultationsModule],
  controllers: [CallMediaController],
  providers: [CallAccessService, CallsService, SignallingGateway],
})
export class SignallingModule {}
