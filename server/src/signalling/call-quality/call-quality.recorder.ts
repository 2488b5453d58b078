import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../../common/background/periodic-task';
import { CallMetrics } from './call-metrics';
import type { CallQualityEvent, QualitySource } from './call-quality-event';
import { CallRecord, QualityDelta } from './call-record';
import { QualitySample, sampleOf } from './quality-sample';

/** How often the SFU's figures of each live call are sampled. */
export const SAMPLE_INTERVAL_MS = 10_000;
/** Every this many samples, the live calls' medians are written (and always when a call closes). */
const MEDIANS_EVERY_SAMPLES = 6;
/** Events are written together, at most this long after they happened. */
const FLUSH_DELAY_MS = 1000;
/** Transports connected in an admitted call, and no packet forwarded this long after: 'no_media'. */
export const NO_MEDIA_AFTER_MS = 20_000;
/**
 * How long an emptied call's record is kept in memory: someone coming back within it is a
 * reconnection (a call that empties ends for good only through « Terminer » or the day's end).
 */
const KEEP_EMPTY_MS = 15 * 60_000;

interface Entry {
  record: CallRecord;
  /** The live call, to sample; null once it emptied. */
  source: QualitySource | null;
  timers: Set<NodeJS.Timeout>;
  forget: NodeJS.Timeout | null;
}

const UPSERT = `
  INSERT INTO call_quality AS q (consultation_id, booth_lobby_at, agent_joined_at, media_connected_at, first_frame_ms,
                                 joins, reconnections, ice_restarts, audio_only, connect_failure)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (consultation_id) DO UPDATE SET
    booth_lobby_at = COALESCE(q.booth_lobby_at, EXCLUDED.booth_lobby_at),
    agent_joined_at = COALESCE(q.agent_joined_at, EXCLUDED.agent_joined_at),
    media_connected_at = COALESCE(q.media_connected_at, EXCLUDED.media_connected_at),
    first_frame_ms = COALESCE(q.first_frame_ms, EXCLUDED.first_frame_ms),
    joins = q.joins + EXCLUDED.joins,
    reconnections = q.reconnections + EXCLUDED.reconnections,
    ice_restarts = q.ice_restarts + EXCLUDED.ice_restarts,
    audio_only = q.audio_only OR EXCLUDED.audio_only,
    connect_failure = CASE WHEN COALESCE(q.media_connected_at, EXCLUDED.media_connected_at) IS NOT NULL THEN NULL
                           ELSE COALESCE(q.connect_failure, EXCLUDED.connect_failure) END,
    updated_at = now()`;

// percentile_cont skips NULLs: a sample without a round trip yet still counts for the loss.
const MEDIANS = `
  INSERT INTO call_quality AS q (consultation_id, rtt_median_ms, loss_median_pct, samples)
  SELECT s.consultation_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.rtt_ms), percentile_cont(0.5) WITHIN GROUP (ORDER BY s.loss_pct), count(*)
    FROM call_quality_samples s WHERE s.consultation_id = ANY($1::uuid[]) GROUP BY s.consultation_id
  ON CONFLICT (consultation_id) DO UPDATE SET
    rtt_median_ms = EXCLUDED.rtt_median_ms, loss_median_pct = EXCLUDED.loss_median_pct, samples = EXCLUDED.samples, updated_at = now()`;

const SAMPLES = `
  INSERT INTO call_quality_samples (consultation_id, at, role, rtt_ms, loss_pct, bitrate_kbps)
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::real[], $5::real[], $6::real[])`;

/**
 * Records what happens in each consultation's call into call_quality (one row per consultation)
 * and call_quality_samples (the SFU's round trip, loss and bitrate per participant's role every
 * SAMPLE_INTERVAL_MS), and counts it for Prometheus. Anonymous: roles, times and counts, never a
 * name, an address or a user agent.
 *
 * NOTE: a call must never wait for its record. Events only change memory; the writes run later,
 * one at a time on one chain (in order, never more than one connection), and a failed write is
 * logged and dropped: the figures of one call may miss an event, the call itself misses nothing.
 */
@Injectable()
export class CallQualityRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CallQuality');
  private readonly entries = new Map<string, Entry>();
  private readonly sampler: PeriodicTask<void>;
  private writes: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;
  private samplesTaken = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: CallMetrics,
  ) {
    this.sampler = new PeriodicTask({
      run: () => this.sample(),
      intervalMs: SAMPLE_INTERVAL_MS,
      onError: (error) => this.logger.warn({ err: error }, 'sampling call quality failed'),
    });
  }

  onApplicationBootstrap(): void {
    this.sampler.start(SAMPLE_INTERVAL_MS);
  }

  /** What is pending is written before the database goes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.sampler.stop();
    for (const entry of this.entries.values()) this.clearTimers(entry);
    await this.flush([...this.entries.keys()]);
    this.entries.clear();
  }

  /** One event of a call; never throws, never waits. */
  record(source: QualitySource, event: CallQualityEvent): void {
    try {
      this.apply(source, event);
    } catch (error) {
      this.logger.warn({ err: error, consultationId: source.consultationId }, 'recording a call event failed');
    }
  }

  /** Writes every pending change now, with the medians of `withMedians` (tests, closing calls, shutdown). */
  async flush(withMedians: string[] = []): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const deltas = [...this.entries].flatMap(([id, entry]) => {
      const delta = entry.record.take();
      return delta ? [[id, delta] as const] : [];
    });
    this.enqueue('writing call quality failed', async () => {
      for (const [id, delta] of deltas) await this.write(id, delta);
      if (withMedians.length > 0) await this.dataSource.query(MEDIANS, [withMedians]);
    });
    await this.writes;
  }

  private apply(source: QualitySource, event: CallQualityEvent): void {
    const id = source.consultationId;
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { record: new CallRecord(), source, timers: new Set(), forget: null };
      this.entries.set(id, entry);
    }
    if (entry.forget) clearTimeout(entry.forget);
    entry.forget = null;
    entry.source = event.type === 'closed' ? null : source;

    const applied = entry.record.apply(event, new Date());
    this.count(event);
    if (applied.firstFrameMs !== undefined) this.metrics.timeToFirstFrame.observe(applied.firstFrameMs / 1000);
    if (applied.armNoMedia) this.watchNoMedia(source, entry);
    this.updateInProgress();

    if (event.type !== 'closed') {
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
        this.flushTimer.unref();
      }
      return;
    }
    void this.flush([id]);
    if (event.ended) this.forget(id, entry);
    else {
      entry.forget = setTimeout(() => this.forget(id, entry), KEEP_EMPTY_MS);
      entry.forget.unref();
    }
  }

  private count(event: CallQualityEvent): void {
    if (event.type === 'joined') this.metrics.joins.inc({ role: event.role });
    else if (event.type === 'iceRestart') this.metrics.iceRestarts.inc();
    else if (event.type === 'audioOnlyFallback') this.metrics.audioOnlyFallbacks.inc();
    else if (event.type === 'failure') this.metrics.iceFailures.inc({ reason: event.reason });
  }

  private watchNoMedia(source: QualitySource, entry: Entry): void {
    const timer = setTimeout(() => {
      entry.timers.delete(timer);
      if (this.entries.get(source.consultationId) === entry && entry.record.noMediaDue()) this.record(source, { type: 'failure', reason: 'no_media' });
    }, NO_MEDIA_AFTER_MS);
    timer.unref();
    entry.timers.add(timer);
  }

  private forget(id: string, entry: Entry): void {
    this.clearTimers(entry);
    // Written by the flush the close started; a later event would start a new record.
    if (this.entries.get(id) === entry) this.entries.delete(id);
    this.updateInProgress();
  }

  private clearTimers(entry: Entry): void {
    for (const timer of entry.timers) clearTimeout(timer);
    entry.timers.clear();
    if (entry.forget) clearTimeout(entry.forget);
    entry.forget = null;
  }

  private updateInProgress(): void {
    this.metrics.inProgress.set([...this.entries.values()].filter((e) => e.record.inProgress).length);
  }

  /** One sample of every live call, in one statement; the medians once in a while. */
  private async sample(): Promise<void> {
    const live = [...this.entries.values()].flatMap((e) => (e.source ? [e.source] : []));
    const at = new Date();
    const read = await Promise.all(
      live.map(async (source) => {
        const roles = await source.receiveQuality().catch(() => []);
        return roles.flatMap(({ role, consumers }) => {
          const sample = sampleOf(role, consumers);
          return sample ? [{ id: source.consultationId, sample }] : [];
        });
      }),
    );
    const rows = read.flat();
    if (rows.length === 0) return;
    const medians = ++this.samplesTaken % MEDIANS_EVERY_SAMPLES === 0 ? [...new Set(rows.map((r) => r.id))] : [];
    this.enqueue('writing call quality samples failed', async () => {
      await this.dataSource.query(SAMPLES, columns(rows, at));
      if (medians.length > 0) await this.dataSource.query(MEDIANS, [medians]);
    });
  }

  private async write(id: string, d: QualityDelta): Promise<void> {
    await this.dataSource.query(UPSERT, [
      id,
      d.boothLobbyAt,
      d.agentJoinedAt,
      d.mediaConnectedAt,
      d.firstFrameMs,
      d.joins,
      d.reconnections,
      d.iceRestarts,
      d.audioOnly,
      d.mediaConnectedAt ? null : d.connectFailure,
    ]);
  }

  private enqueue(what: string, work: () => Promise<void>): void {
    this.writes = this.writes.then(work).catch((error: unknown) => this.logger.warn({ err: error }, what));
  }
}

function columns(rows: Array<{ id: string; sample: QualitySample }>, at: Date): unknown[] {
  return [
    rows.map((r) => r.id),
    rows.map(() => at),
    rows.map((r) => r.sample.role),
    rows.map((r) => r.sample.rttMs),
    rows.map((r) => r.sample.lossPct),
    rows.map((r) => r.sample.bitrateKbps),
  ];
}
