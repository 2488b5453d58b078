import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { MetricsModule } from './metrics.module';

@Module({
  imports: [DocumentsModule, MetricsModule],
  controllers: [HealthController],
  providers: [HealthService],
  exports: [MetricsModule],
})
export class HealthModule {}
