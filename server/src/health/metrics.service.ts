import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { WORKER_POOL } from '../../../media/src/nest/media.module';
import { WorkerPool } from '../../../media/src/worker-pool';
import { registerMediaMetrics } from './media-metrics';
import { OutboxMetrics } from './outbox-metrics';

/**
 * One registry per application instance (no global prom-client state), exposed at GET /metrics.
 * Provided by the global MetricsModule: any module may inject it to register or update its series.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly outbox: OutboxMetrics;

  constructor(
    @Inject(WORKER_POOL) pool: WorkerPool,
    @InjectDataSource() dataSource: DataSource,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'visio_' });
    this.httpRequests = new Counter({
      name: 'visio_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'visio_http_request_duration_seconds',
      help: 'HTTP request duration by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    registerMediaMetrics(this.registry, pool);
    this.outbox = new OutboxMetrics(this.registry, dataSource);
    new Gauge({
      name: 'visio_database_pool_connections',
      help: 'Open connections in the PostgreSQL pool',
      registers: [this.registry],
      collect() {
        const pg = (dataSource.driver as unknown as { master?: { totalCount?: number } }).master;
        this.set(pg?.totalCount ?? 0);
      },
    });
  }
}
