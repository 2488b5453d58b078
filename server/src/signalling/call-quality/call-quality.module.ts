import { Module } from '@nestjs/common';
import { HealthModule } from '../../health/health.module';
import { CallMetrics } from './call-metrics';
import { CallQualityRecorder } from './call-quality.recorder';

/** The record of each call's quality (call_quality tables) and the calls' Prometheus series. */
@Module({
  imports: [HealthModule],
  providers: [CallMetrics, CallQualityRecorder],
  exports: [CallQualityRecorder],
})
export class CallQualityModule {}
