// The one adapter between media/ (framework-free) and the NestJS server.
import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { mediaConfig, MediaConfig } from '../../../server/src/config/configuration';
import { MediaLogger, WorkerPool } from '../worker-pool';

export const WORKER_POOL = Symbol('WORKER_POOL');

class NestMediaLogger implements MediaLogger {
  private readonly logger = new Logger('Media');
  info(message: string, context?: Record<string, unknown>) {
    this.logger.log({ ...context, msg: message });
  }
  warn(message: string, context?: Record<string, unknown>) {
    this.logger.warn({ ...context, msg: message });
  }
  error(message: string, context?: Record<string, unknown>) {
    this.logger.error({ ...context, msg: message });
  }
}

@Injectable()
class MediaShutdown implements OnApplicationShutdown {
  constructor(@Inject(WORKER_POOL) private readonly pool: WorkerPool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: WORKER_POOL,
      inject: [mediaConfig.KEY],
      useFactory: (config: MediaConfig) =>
        WorkerPool.create(
          { size: config.workers, logLevel: config.logLevel, workerBin: config.workerBin, webRtc: config.webRtc },
          new NestMediaLogger(),
        ),
    },
    MediaShutdown,
  ],
  exports: [WORKER_POOL],
})
export class MediaModule {}
