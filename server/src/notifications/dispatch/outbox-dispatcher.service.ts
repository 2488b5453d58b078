import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { notificationsConfig, NotificationsConfig } from '../../config/configuration';
import { MetricsService } from '../../health/metrics.service';
import { sendSmsHttp } from './sms-http.transport';
import { SmtpTransport } from './smtp.transport';
import { PeriodicTask } from '../../common/background/periodic-task';
import { Channel, CHANNELS } from '../templates/templates';
import { OutboxAttachments } from './outbox-attachments';
import { OutgoingMessage, SendResult } from './transport';

interface ClaimedRow {
  id: string;
  channel: OutgoingMessage['channel'];
  recipient: string;
  subject: string | null;
  body: string;
  ics: string | null;
  sms_encoding: string | null;
  sms_segments: number | null;
  document_id: string | null;
  attempts: number;
}

const SEND_CONCURRENCY = 8;

/**
 * Rows due now on the channels `$3`, oldest first, at most `$1`, below `$2` attempts; skipped when
 * another instance holds them. Shared by local delivery and by the claim of rows to send.
 */
const DUE_ROWS = `SELECT id FROM notification_outbox
          WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND attempts < $2 AND channel = ANY($3::text[])
          ORDER BY next_attempt_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`;
const MAX_BACKOFF_MS = 3_600_000;

/** Delay before the next try after `attempts` failed ones: base · 2^(attempts−1), capped, +0–10 % jitter. */
export function backoffMs(attempts: number, baseMs: number, random = Math.random): number {
  const raw = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (1 + random() * 0.1));
}

/**
 * Sends what the outbox holds. Rows are claimed with FOR UPDATE SKIP LOCKED and leased (status
 * `sending`, `next_attempt_at` = end of the lease): several instances share the work, and a row
 * claimed by a process that died becomes due again when its lease ends. A row is marked sent right
 * after the provider accepts it; the remaining window (provider accepted, process died before the
 * mark) is covered by the idempotency key the providers get (the row id), not by us.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxDispatcher');
  private readonly smtp: SmtpTransport | null;
  /** Per message, and well inside the lease, so that a started send ends before others may claim the row. */
  private readonly sendTimeoutMs: number;
  private readonly task: PeriodicTask<number>;
  private stopping = false;
  private readonly localChannels: Channel[];
  private readonly remoteChannels: Channel[];

  constructor(
    @Inject(notificationsConfig.KEY) private readonly config: NotificationsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachments: OutboxAttachments,
    private readonly metrics: MetricsService,
  ) {
    this.sendTimeoutMs = Math.min(15_000, Math.floor((config.leaseSeconds * 1000) / 3));
    this.smtp = config.smtp ? new SmtpTransport(config.smtp, config.from, this.sendTimeoutMs) : null;
    this.localChannels = CHANNELS.filter((c) => !this.hasProvider(c));
    this.remoteChannels = CHANNELS.filter((c) => this.hasProvider(c));
    this.task = new PeriodicTask({
      run: () => this.runOnce(),
      intervalMs: config.intervalMs,
      again: (count) => count >= config.batchSize,
      onError: (error) => this.logger.error({ err: error }, 'outbox dispatch failed'),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.task.stop();
    this.smtp?.close();
  }

  /** One claim-and-send round; returns how many rows it handled. */
  async runOnce(): Promise<number> {
    if (this.stopping) return 0;
    await this.expireExhausted();
    const local = this.localChannels.length > 0 ? await this.deliverLocally() : 0;
    return local + (this.remoteChannels.length > 0 ? await this.sendRemote() : 0);
  }

  /**
   * Channels with no provider configured: their messages are delivered to the local outbox, read
   * through the API. Nothing is sent, so there is no lease to take: one statement claims and marks.
   */
  private async deliverLocally(): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH due AS (${DUE_ROWS}),
       delivered AS (
         UPDATE notification_outbox o
            SET status = 'sent', transport = 'local', attempts = o.attempts + 1, sent_at = now(), updated_at = now(),
                claim_token = NULL, last_error = NULL
           FROM due WHERE o.id = due.id
         RETURNING o.id)
       SELECT id FROM delivered`,
      [this.config.batchSize, this.config.maxAttempts, this.localChannels],
    );
    return rows.length;
  }

  private async sendRemote(): Promise<number> {
    const token = randomUUID();
    const claimedAt = Date.now();
    const rows: ClaimedRow[] = await this.dataSource.query(
      `WITH due AS (${DUE_ROWS}),
       claimed AS (
         UPDATE notification_outbox o
            SET status = 'sending', attempts = o.attempts + 1, claim_token = $4, updated_at = now(),
                next_attempt_at = now() + make_interval(secs => $5)
           FROM due WHERE o.id = due.id
         RETURNING o.id, o.channel, o.recipient, o.subject, o.body, o.ics, o.sms_encoding, o.sms_segments, o.document_id, o.attempts)
       -- Selecting from the CTE makes the driver answer plain rows (a bare UPDATE answers [rows, count]).
       SELECT * FROM claimed`,
      [this.config.batchSize, this.config.maxAttempts, this.remoteChannels, token, this.config.leaseSeconds],
    );
    if (rows.length === 0) return 0;
    // A row is not started once its lease may end before the send times out (another instance
    // could claim it meanwhile), nor once shutting down: such rows are handed back below.
    const lastStart = claimedAt + this.config.leaseSeconds * 1000 - this.sendTimeoutMs;
    let next = 0;
    const worker = async () => {
      while (next < rows.length && Date.now() < lastStart && !this.stopping) {
        const row = rows[next++]!;
        await this.record(row, token, await this.send(row));
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, rows.length) }, worker));
    if (next < rows.length) await this.release(rows.slice(next).map((r) => r.id), token);
    return rows.length;
  }

  /** Hands back claimed rows that were not started (shutdown, or lease running out): due at once, attempt not counted. */
  private async release(ids: string[], token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET status = 'pending', attempts = attempts - 1, claim_token = NULL, next_attempt_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND claim_token = $2`,
      [ids, token],
    );
  }

  /** Runs rounds until nothing is due (tests and benchmarks; the timer does the same over time). */
  async drain(maxRounds = 10_000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private hasProvider(channel: OutgoingMessage['channel']): boolean {
    return channel === 'sms' ? this.config.sms !== null : this.smtp !== null;
  }

  private async send(row: ClaimedRow): Promise<SendResult> {
    let attachment: OutgoingMessage['attachment'];
    if (row.document_id) {
      const file = await this.attachments.read(row.document_id).catch(() => undefined);
      // Deleted or purged since: the copy is not sent (retrying cannot bring it back).
      if (file === null) return { ok: false, permanent: true, error: 'the attached document no longer exists' };
      if (file === undefined) return { ok: false, permanent: false, error: 'the attached document could not be read' };
      attachment = file;
    }
    const message: OutgoingMessage = {
      attachment,
      id: row.id,
      channel: row.channel,
      recipient: row.recipient,
      subject: row.subject,
      body: row.body,
      ics: row.ics,
      smsEncoding: row.sms_encoding,
      smsSegments: row.sms_segments,
    };
    if (row.channel === 'sms') return sendSmsHttp(this.config.sms!, message, this.sendTimeoutMs);
    return this.smtp!.send(message);
  }

  // The claim token guards every mark: a process whose lease ran out cannot overwrite the outcome
  // recorded by the instance that took the row over.
  private async record(row: ClaimedRow, token: string, result: SendResult): Promise<void> {
    if (result.ok) {
      await this.dataSource.query(
        `UPDATE notification_outbox
            SET status = 'sent', transport = $3, provider_message_id = $4, sent_at = now(), updated_at = now(),
                claim_token = NULL, last_error = NULL
          WHERE id = $1 AND claim_token = $2`,
        [row.id, token, result.transport, result.providerMessageId],
      );
      return;
    }
    this.metrics.outbox.sendFailures.inc({ channel: row.channel });
    const final = result.permanent || row.attempts >= this.config.maxAttempts;
    const delay = backoffMs(row.attempts, this.config.retryBaseMs);
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET status = $3, last_error = $4, updated_at = now(), claim_token = NULL,
              next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
        WHERE id = $1 AND claim_token = $2`,
      [row.id, token, final ? 'failed' : 'pending', result.error, final ? 0 : delay],
    );
    if (final) this.logger.warn({ outboxId: row.id, attempts: row.attempts, error: result.error }, 'notification failed for good');
  }

  /** Rows whose last lease ended with no outcome and no attempt left: the process died each time. */
  private async expireExhausted(): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET status = 'failed', claim_token = NULL, updated_at = now(),
              last_error = COALESCE(last_error || ' / ', '') || 'lease expired on the last attempt'
        WHERE status = 'sending' AND next_attempt_at <= now() AND attempts >= $1`,
      [this.config.maxAttempts],
    );
  }
}
