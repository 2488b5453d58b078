// The one adapter between media/ (framework-free) and the NestJS server.
import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { mediaConfig, MediaConfig } from '../../../server/src/config/configuration';
import { RoomRegistry } from '../room-registry';
import { MediaLogger, WorkerPool } from '../worker-pool';

export const WORKER_POOL = Symbol('WORKER_POOL');
export const ROOM_REGISTRY = Symbol('ROOM_REGISTRY');

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
  constructor(
    @Inject(WORKER_POOL) private readonly pool: WorkerPool,
    @Inject(ROOM_REGISTRY) private readonly rooms: RoomRegistry,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    // Rooms first, so participants are told 'shutdown' (reconnect) rather than seeing a crash.
    await this.rooms.closeAll('shutdown');
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
    { provide: ROOM_REGISTRY, inject: [WORKER_POOL], useFactory: (pool: WorkerPool) => new RoomRegistry(pool) },
    MediaShutdown,
  ],
  exports: [WORKER_POOL, ROOM_REGISTRY],
})
export class MediaModule {}
