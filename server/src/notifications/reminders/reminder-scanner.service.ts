import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notificationsConfig, NotificationsConfig } from '../../config/configuration';
import { PeriodicTask } from '../../common/background/periodic-task';
import { ConsultationReader } from '../../consultations/consultation.reader';
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
    private readonly consultations: ConsultationReader,
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

  /**
   * The next consultations due for this reminder: scheduled with a contact, starting between now +
   * nextMs and now + offsetMs, booked (or last moved) before the reminder time, not yet reminded at
   * their current revision.
   */
  private async due(label: string, offsetMs: number, nextMs: number): Promise<string[]> {
    const now = Date.now();
    const candidates = await this.consultations.remindable(new Date(now + nextMs), new Date(now + offsetMs));
    if (candidates.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT x.id
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS x(id, starts_at, created_at, n)
         LEFT JOIN consultation_notification_sequences seq ON seq.consultation_id = x.id
        -- Booked (or last moved) after the reminder time had passed: the booking confirmation is enough.
        WHERE COALESCE((SELECT max(m.created_at) FROM notification_outbox m
                         WHERE m.consultation_id = x.id AND m.event = 'rescheduled'), x.created_at)
              <= x.starts_at - make_interval(secs => $4::double precision / 1000)
          AND NOT EXISTS (SELECT 1 FROM notification_outbox o
                           WHERE o.consultation_id = x.id AND o.event = $5 AND o.revision = COALESCE(seq.sequence, 0))
        ORDER BY x.n
        LIMIT $6`,
      [candidates.map((c) => c.id), candidates.map((c) => c.startsAt), candidates.map((c) => c.createdAt), offsetMs, `reminder_${label}`, SCAN_BATCH],
    );
    return rows.map((r) => r.id);
  }
}
