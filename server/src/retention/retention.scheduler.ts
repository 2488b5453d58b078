import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { retentionConfig, RetentionConfig } from '../config/configuration';
import { RetentionService } from './retention.service';

// Not at boot: a start (or a rolling restart of every instance) should not begin with a sweep.
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * Runs the retention sweep in the background every RETENTION_INTERVAL_MINUTES, like the reminder
 * scan: one run at a time per instance, and the advisory lock in the service keeps instances from
 * sweeping together. A stop waits for the current batch statement's run to end.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    @Inject(retentionConfig.KEY) private readonly config: RetentionConfig,
    private readonly retention: RetentionService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.schedule(Math.min(FIRST_RUN_DELAY_MS, this.config.intervalMs));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.current = this.retention
        .run()
        .then((result) => {
          if (result) this.logger.log({ ...result }, 'retention sweep done');
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'retention sweep failed'))
        .finally(() => this.schedule(this.config.intervalMs));
    }, delayMs);
  }
}
