import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notificationsConfig, NotificationsConfig } from '../../config/configuration';
import { PeriodicTask } from '../../common/background/periodic-task';
import { OutboxService } from '../outbox.service';

const SCAN_BATCH = 1000;

/**
 * Periodically enqueues reminders (J-2 and H-2 by default) for consultations entering each reminder
 * window. The outbox key (consultation, reminder_<offset>, revision, channel) makes a second scan,
 * or a second instance scanning at the same time, a no-op; the revision is the consultation's
 * notification sequence, so a consultation moved later gets the reminders of its new time.
 */
@Injectable()
export class ReminderScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReminderScanner');
  private readonly task: PeriodicTask<number>;

  constructor(
    @Inject(notificationsConfig.KEY) private readonly config: NotificationsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {
    this.task = new PeriodicTask({
      run: () => this.scan(),
      intervalMs: config.reminderScanIntervalMs,
      onError: (error) => this.logger.error({ err: error }, 'reminder scan failed'),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.enabled && this.config.reminderOffsets.length > 0) this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** One pass over every offset; returns how many consultations got a reminder enqueued. */
  async scan(): Promise<number> {
    const offsets = this.config.reminderOffsets;
    let total = 0;
    for (const [i, offset] of offsets.entries()) {
      // When a later (shorter) window is already open, only that reminder is still useful: a J-2
      // reminder missed during downtime is not sent two hours before the appointment.
      const nextMs = offsets[i + 1]?.ms ?? 0;
      for (;;) {
        const ids = await this.due(offset.label, offset.ms, nextMs);
        if (ids.length > 0) await this.dataSource.transaction((tx) => this.outbox.enqueueReminder(tx, ids, offset.label));
        total += ids.length;
        if (ids.length < SCAN_BATCH) break;
      }
    }
    return total;
  }

  private async due(label: string, offsetMs: number, nextMs: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id
         FROM consultations c
         LEFT JOIN consultation_notification_sequences seq ON seq.consultation_id = c.id
        WHERE c.status = 'scheduled'
          AND c.starts_at > now() + make_interval(secs => $2::double precision / 1000)
          AND c.starts_at <= now() + make_interval(secs => $1::double precision / 1000)
          AND (c.citizen_phone IS NOT NULL OR c.citizen_email IS NOT NULL)
          -- Booked (or last moved) after the reminder time had passed: the booking confirmation is enough.
          AND COALESCE((SELECT max(m.created_at) FROM notification_outbox m
                         WHERE m.consultation_id = c.id AND m.event = 'rescheduled'), c.created_at)
              <= c.starts_at - make_interval(secs => $1::double precision / 1000)
          AND NOT EXISTS (SELECT 1 FROM notification_outbox o
                           WHERE o.consultation_id = c.id AND o.event = $3 AND o.revision = COALESCE(seq.sequence, 0))
        ORDER BY c.starts_at
        LIMIT $4`,
      [offsetMs, nextMs, `reminder_${label}`, SCAN_BATCH],
    );
    return rows.map((r) => r.id);
  }
}
