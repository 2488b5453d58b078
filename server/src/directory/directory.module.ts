import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ConsultationStoreModule } from '../consultations/consultation-store.module';
import { DirectoryAdminService } from './directory-admin.service';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { AdministrationEntity } from './entities/administration.entity';
import { BoothEntity } from './entities/booth.entity';
import { MsapSiteEntity } from './entities/msap-site.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AdministrationEntity, MsapSiteEntity, BoothEntity]), AuditModule, ConsultationStoreModule],
  controllers: [DirectoryController],
  providers: [DirectoryService, DirectoryAdminService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
