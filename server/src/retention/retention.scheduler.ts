import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { retentionConfig, RetentionConfig } from '../config/configuration';
import { PeriodicTask } from '../common/background/periodic-task';
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
  private readonly task: PeriodicTask<void>;

  constructor(
    @Inject(retentionConfig.KEY) private readonly config: RetentionConfig,
    private readonly retention: RetentionService,
  ) {
    this.task = new PeriodicTask({
      run: async () => {
        const result = await this.retention.run();
        if (result) this.logger.log({ ...result }, 'retention sweep done');
      },
      intervalMs: config.intervalMs,
      onError: (error) => this.logger.error({ err: error }, 'retention sweep failed'),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.task.start(Math.min(FIRST_RUN_DELAY_MS, this.config.intervalMs));
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
