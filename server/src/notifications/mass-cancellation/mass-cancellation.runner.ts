import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { notificationsConfig, NotificationsConfig } from '../../config/configuration';
import { OutboxService } from '../outbox.service';

const IDLE_POLL_MS = 5000;

interface LeasedJob {
  id: string;
  message: string;
}

/**
 * Works through mass-cancellation jobs in the background, one batch per transaction: the
 * consultations are cancelled, their `cancelled` notifications enqueued and the items and counters
 * updated together. A batch that did not commit left nothing behind; one that did is never redone
 * (its items are no longer pending), and the outbox key would absorb a replay anyway. A job is
 * leased to one instance; a restarted or other instance takes it over when the lease ends
 * (at once after a clean shutdown, which releases it).
 */
@Injectable()
export class MassCancellationRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MassCancellation');
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @Inject(notificationsConfig.KEY) private readonly config: NotificationsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    // Unfinished jobs of a previous run are picked up here.
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
    await this.dataSource
      .query('UPDATE mass_cancellation_jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1', [this.owner])
      .catch(() => undefined);
  }

  /** Starts work now (after a confirmation) unless a run is already going. */
  wake(): void {
    if (this.stopping || this.current) return;
    if (this.timer) clearTimeout(this.timer);
    this.current = this.runAll()
      .catch((error: unknown) => this.logger.error({ err: error }, 'mass cancellation run failed'))
      .finally(() => {
        this.current = null;
        if (!this.stopping) this.timer = setTimeout(() => this.wake(), IDLE_POLL_MS);
      });
  }

  private async runAll(): Promise<void> {
    for (let job = await this.lease(); job && !this.stopping; job = await this.lease()) {
      await this.runJob(job);
    }
  }

  private async lease(): Promise<LeasedJob | undefined> {
    const [job]: LeasedJob[] = await this.dataSource.query(
      `WITH next AS (
         SELECT id FROM mass_cancellation_jobs
          WHERE state = 'running' AND (lease_until IS NULL OR lease_until < now())
          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED),
       leased AS (
         UPDATE mass_cancellation_jobs j SET lease_owner = $1, lease_until = now() + make_interval(secs => $2)
           FROM next WHERE j.id = next.id RETURNING j.id, j.message)
       SELECT * FROM leased`,
      [this.owner, this.config.massCancelLeaseSeconds],
    );
    return job;
  }

  private async runJob(job: LeasedJob): Promise<void> {
    while (!this.stopping) {
      const outcome = await this.dataSource.transaction((tx) => this.runBatch(tx, job));
      if (outcome === 'lost') return;
      if (outcome === 'done') {
        this.logger.log({ jobId: job.id }, 'mass cancellation completed');
        return;
      }
    }
  }

  private async runBatch(tx: import('typeorm').EntityManager, job: LeasedJob): Promise<'more' | 'done' | 'lost'> {
    // Renewing the lease inside the batch's transaction: if another instance took the job over,
    // this batch does nothing.
    const [still] = await tx.query(
      `WITH renewed AS (
         UPDATE mass_cancellation_jobs SET lease_until = now() + make_interval(secs => $3)
          WHERE id = $1 AND lease_owner = $2 AND state = 'running' RETURNING id)
       SELECT * FROM renewed`,
      [job.id, this.owner, this.config.massCancelLeaseSeconds],
    );
    if (!still) return 'lost';
    const items: Array<{ consultation_id: string }> = await tx.query(
      `SELECT consultation_id FROM mass_cancellation_items WHERE job_id = $1 AND state = 'pending'
        ORDER BY consultation_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [job.id, this.config.massCancelBatchSize],
    );
    if (items.length === 0) {
      await tx.query(
        `UPDATE mass_cancellation_jobs SET state = 'completed', finished_at = now(), lease_owner = NULL, lease_until = NULL WHERE id = $1`,
        [job.id],
      );
      return 'done';
    }
    const ids = items.map((i) => i.consultation_id);
    // Only still-scheduled consultations are cancelled: one moved or cancelled since is left alone.
    const cancelled: Array<{ id: string; has_contact: boolean }> = await tx.query(
      `WITH done AS (
         UPDATE consultations SET status = 'cancelled', cancellation_reason = $2, cancelled_at = now(), updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'scheduled'
         RETURNING id, (citizen_phone IS NOT NULL OR citizen_email IS NOT NULL) AS has_contact)
       SELECT * FROM done`,
      [ids, job.message],
    );
    const cancelledIds = cancelled.map((c) => c.id);
    await this.outbox.enqueue(tx, { consultationIds: cancelledIds, event: 'cancelled', message: job.message });
    await tx.query(
      `UPDATE mass_cancellation_items i
          SET state = CASE WHEN r.id IS NULL THEN 'skipped' ELSE 'cancelled' END, has_contact = r.has_contact, processed_at = now()
         FROM unnest($2::uuid[]) AS x(consultation_id)
         LEFT JOIN unnest($3::uuid[], $4::boolean[]) AS r(id, has_contact) ON r.id = x.consultation_id
        WHERE i.job_id = $1 AND i.consultation_id = x.consultation_id`,
      [job.id, ids, cancelledIds, cancelled.map((c) => c.has_contact)],
    );
    const noContact = cancelled.filter((c) => !c.has_contact).length;
    await tx.query(
      `UPDATE mass_cancellation_jobs
          SET processed = processed + $2, cancelled = cancelled + $3, skipped = skipped + $4, no_contact = no_contact + $5
        WHERE id = $1`,
      [job.id, ids.length, cancelled.length, ids.length - cancelled.length, noContact],
    );
    return 'more';
  }
}
