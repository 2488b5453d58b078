// The one adapter between media/ (framework-free) and the NestJS server. It knows nothing of the
// server's configuration: the server gives it the worker pool's options (forRootAsync).
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { InjectionToken } from '@nestjs/common';
import { RoomRegistry } from '../room-registry';
import { MediaLogger, WorkerPool, WorkerPoolOptions } from '../worker-pool';

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

export interface MediaModuleAsyncOptions {
  inject: InjectionToken[];
  useFactory: (...deps: never[]) => WorkerPoolOptions;
}

@Global()
@Module({})
export class MediaModule {
  static forRootAsync(options: MediaModuleAsyncOptions): DynamicModule {
    return {
      module: MediaModule,
      providers: [
        {
          provide: WORKER_POOL,
          inject: options.inject,
          useFactory: (...deps: never[]) => WorkerPool.create(options.useFactory(...deps), new NestMediaLogger()),
        },
        { provide: ROOM_REGISTRY, inject: [WORKER_POOL], useFactory: (pool: WorkerPool) => new RoomRegistry(pool) },
        MediaShutdown,
      ],
      exports: [WORKER_POOL, ROOM_REGISTRY],
    };
  }
}
