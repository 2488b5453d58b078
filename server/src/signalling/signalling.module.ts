import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ConsultationEntity } from '../consultations/entities/consultation.entity';
import { CallAccessService } from './call-access.service';
import { CallsService } from './calls.service';
import { SignallingGateway } from './signalling.gateway';

@Module({
  imports: [TypeOrmModule.forFeature([ConsultationEntity]), AuthModule],
  providers: [CallAccessService, CallsService, SignallingGateway],
})
export class SignallingModule {}
