import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';
import { BoothUnlockService } from './booth-unlock.service';
import { DeviceEntity } from './entities/device.entity';
import { PairingCodeEntity } from './entities/pairing-code.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DeviceEntity, PairingCodeEntity]), DirectoryModule, AuditModule, AuthModule],
  controllers: [DevicesController],
  providers: [DevicesService, BoothUnlockService],
  exports: [DevicesService],
})
export class DevicesModule {}
