import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { notificationsConfig, NotificationsConfig } from '../../config/configuration';
import { ConsultationsService } from '../../consultations/consultations.service';

const IDLE_POLL_MS = 5000;
const BATCH_CONCURRENCY = 2;

type Outcome = 'more' | 'idle' | 'done' | 'lost';

class LeaseLost extends Error {}

interface LeasedJob {
  id: string;
  message: string;
  createdById: string | null;
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
  private again = false;

  constructor(
    @Inject(notificationsConfig.KEY) private readonly config: NotificationsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationsService,
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

  /** Starts work now (after a confirmation); during a run, asks for another pass right after it. */
  wake(): void {
    if (this.stopping) return;
    if (this.current) {
      // The run may be past its last look for jobs: it goes round once more instead of idling.
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.again = false;
    this.current = this.runAll()
      .catch((error: unknown) => this.logger.error({ err: error }, 'mass cancellation run failed'))
      .finally(() => {
        this.current = null;
        if (this.stopping) return;
        if (this.again) this.wake();
        else this.timer = setTimeout(() => this.wake(), IDLE_POLL_MS);
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
           FROM next WHERE j.id = next.id RETURNING j.id, j.message, j.created_by_id AS "createdById")
       SELECT * FROM leased`,
      [this.owner, this.config.massCancelLeaseSeconds],
    );
    return job;
  }

  private async runJob(job: LeasedJob): Promise<void> {
    // Batches claim their items with SKIP LOCKED, so two run side by side: while one renders
    // messages in Node, the other's statements run in PostgreSQL.
    const worker = async (): Promise<Outcome> => {
      for (;;) {
        if (this.stopping) return 'idle';
        const outcome = await this.dataSource.transaction((tx) => this.runBatch(tx, job)).then(
          (batch) => {
            batch.committed?.();
            return batch.outcome;
          },
          (error: unknown) => {
            if (error instanceof LeaseLost) return 'lost' as const;
            throw error;
          },
        );
        if (outcome !== 'more') return outcome;
      }
    };
    const outcomes = await Promise.all(Array.from({ length: BATCH_CONCURRENCY }, worker));
    if (outcomes.includes('done')) this.logger.log({ jobId: job.id }, 'mass cancellation completed');
  }

  /** One batch in `tx`; `committed` tells the consultations' listeners once it is committed. */
  private async runBatch(tx: EntityManager, job: LeasedJob): Promise<{ outcome: Outcome; committed?: () => void }> {
    const items: Array<{ consultation_id: string }> = await tx.query(
      `SELECT consultation_id FROM mass_cancellation_items WHERE job_id = $1 AND state = 'pending'
        ORDER BY consultation_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [job.id, this.config.massCancelBatchSize],
    );
    if (items.length === 0) {
      // Items another batch holds are still pending for us: only the last batch closes the job.
      const [{ pending }] = await tx.query(`SELECT count(*)::int AS pending FROM mass_cancellation_items WHERE job_id = $1 AND state = 'pending'`, [job.id]);
      if (pending > 0) return { outcome: 'idle' };
      const [closed] = await tx.query(
        `WITH closed AS (
           UPDATE mass_cancellation_jobs SET state = 'completed', finished_at = now(), lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND lease_owner = $2 AND state = 'running' RETURNING id)
         SELECT * FROM closed`,
        [job.id, this.owner],
      );
      return { outcome: closed ? 'done' : 'lost' };
    }
    const ids = items.map((i) => i.consultation_id);
    // Only still-scheduled consultations are cancelled: one moved or cancelled since is left alone.
    // The reason recorded on each is the coordinator's message, as the citizen received it (unfilled);
    // the `cancelled` event's subscribers enqueue the citizens' messages in this transaction.
    const { cancelled: done, committed } = await this.consultations.cancelMany(tx, ids, job.createdById, job.message, job.id);
    const cancelled = done.map((c) => ({ id: c.id, has_contact: c.hasContact }));
    const cancelledIds = cancelled.map((c) => c.id);
    await tx.query(
      `UPDATE mass_cancellation_items i
          SET state = CASE WHEN r.id IS NULL THEN 'skipped' ELSE 'cancelled' END, has_contact = r.has_contact, processed_at = now()
         FROM unnest($2::uuid[]) AS x(consultation_id)
         LEFT JOIN unnest($3::uuid[], $4::boolean[]) AS r(id, has_contact) ON r.id = x.consultation_id
        WHERE i.job_id = $1 AND i.consultation_id = x.consultation_id`,
      [job.id, ids, cancelledIds, cancelled.map((c) => c.has_contact)],
    );
    const noContact = cancelled.filter((c) => !c.has_contact).length;
    // The job row is locked last and briefly, and only by the lease holder: if the lease went to
    // another instance meanwhile, this whole batch rolls back.
    const [counted] = await tx.query(
      `WITH counted AS (
         UPDATE mass_cancellation_jobs
            SET processed = processed + $3, cancelled = cancelled + $4, skipped = skipped + $5, no_contact = no_contact + $6,
                lease_until = now() + make_interval(secs => $7)
          WHERE id = $1 AND lease_owner = $2 AND state = 'running' RETURNING id)
       SELECT * FROM counted`,
      [job.id, this.owner, ids.length, cancelled.length, ids.length - cancelled.length, noContact, this.config.massCancelLeaseSeconds],
    );
    if (!counted) throw new LeaseLost();
    return { outcome: 'more', committed };
  }
}
