import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../common/background/periodic-task';
import { signallingConfig, SignallingConfig } from '../config/configuration';

/** How often calls left in progress past their window are closed (a server restart lost them). */
const OVERDUE_SCAN_MS = 60_000;

/**
 * The consultation's status as its call goes: in progress once the agent admits someone, ended
 * once the agent ends it or everyone has left after its end. Each change only moves forward from
 * the statuses it expects, so a late or repeated signal (a reconnection, two instances) is a no-op.
 */
@Injectable()
export class ConsultationLifecycleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ConsultationLifecycle');
  private readonly overdue: PeriodicTask<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(signallingConfig.KEY) private readonly config: SignallingConfig,
  ) {
    this.overdue = new PeriodicTask({
      run: () => this.endOverdue(),
      intervalMs: OVERDUE_SCAN_MS,
      onError: (error) => this.logger.error({ err: error }, 'closing overdue calls failed'),
    });
  }

  onApplicationBootstrap(): void {
    this.overdue.start(OVERDUE_SCAN_MS);
  }

  onModuleDestroy(): Promise<void> {
    return this.overdue.stop();
  }

  /** Someone was admitted: the consultation is under way (the first admission sets the start). */
  async callStarted(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE consultations SET status = 'in_progress', call_started_at = coalesce(call_started_at, now()), updated_at = now()
        WHERE id = $1 AND status = 'scheduled'`,
      [id],
    );
  }

  /** The agent ended the call (or everyone left after its end): nobody can enter it any more. */
  async callEnded(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE consultations SET status = 'ended', call_ended_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'in_progress')`,
      [id],
    );
  }

  /** The call emptied: after its booked end, that ends a consultation that was under way. */
  async callEmptied(id: string, now = new Date()): Promise<void> {
    await this.dataSource.query(
      `UPDATE consultations SET status = 'ended', call_ended_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'in_progress' AND ends_at <= $2`,
      [id, now],
    );
  }

  /**
   * Consultations still in progress once nobody may join any more (their end + JOIN_MARGIN_MINUTES):
   * the instance holding the call went away. Their end is the last moment anyone could have been there.
   */
  async endOverdue(now = new Date()): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE consultations SET status = 'ended', updated_at = now(),
              call_ended_at = least($1::timestamptz, ends_at + make_interval(mins => $2))
        WHERE status = 'in_progress' AND ends_at + make_interval(mins => $2) < $1`,
      [now, this.config.joinMarginMinutes],
    )) as [unknown, number];
    if (count > 0) this.logger.warn({ count }, 'calls left in progress past their window were ended');
    return count;
  }
}
