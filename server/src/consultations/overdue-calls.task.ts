import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '../common/background/periodic-task';
import { ConsultationsService } from './consultations.service';

/** How often calls left in progress past their window are closed (a server restart lost them). */
const OVERDUE_SCAN_MS = 60_000;

/** Every minute, ends the consultations whose call nobody closed (see ConsultationsService.endOverdue). */
@Injectable()
export class OverdueCallsTask implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OverdueCalls');
  private readonly task: PeriodicTask<number>;

  constructor(consultations: ConsultationsService) {
    this.task = new PeriodicTask({
      run: () => consultations.endOverdue(),
      intervalMs: OVERDUE_SCAN_MS,
      onError: (error) => this.logger.error({ err: error }, 'closing overdue calls failed'),
    });
  }

  onApplicationBootstrap(): void {
    this.task.start(OVERDUE_SCAN_MS);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
