import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/**
 * The Prometheus registry, global so that a domain module records its own series (the outbox
 * dispatcher its send failures, the call signalling its joins) without importing HealthModule,
 * which itself imports modules that depend on those.
 */
@Global()
@Module({
  providers: [MetricsService],
  exports: [MetricsService],
})
export class MetricsModule {}
