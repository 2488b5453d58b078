import { Logger } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { CHANNELS, OUTBOX_CHANNELS } from '../notifications/templates/templates';

/** How long one reading of the outbox serves scrapes: Prometheus and a second instance may scrape every few seconds. */
const BACKLOG_TTL_MS = 5000;
/** A slow database must not hold up /metrics: past this the previous reading is served… */
const BACKLOG_QUERY_TIMEOUT_MS = 2000;
/** …while it is this recent. */
const BACKLOG_STALE_MS = 60_000;

/** Rows still to handle: pending and sending messages, and citizens to call (channel `call`). */
const BACKLOG_SERIES: ReadonlyArray<{ channel: string; status: string }> = [
  ...CHANNELS.flatMap((channel) => [
    { channel, status: 'pending' },
    { channel, status: 'sending' },
  ]),
  { channel: 'call', status: 'to_call' },
];

interface BacklogRow {
  channel: string;
  status: string;
  n: number;
  oldest_age: number | null;
}

/**
 * Two branches rather than one `status IN (…)`: each then reads the small partial index that covers
 * its statuses (IDX_notification_outbox_due, IDX_notification_outbox_to_call), never the table of
 * sent messages, which grows with every consultation.
 */
const BACKLOG_QUERY = `
  SELECT channel, status, count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age
    FROM notification_outbox WHERE status IN ('pending', 'sending') GROUP BY channel, status
  UNION ALL
  SELECT channel, status, count(*)::int, NULL
    FROM notification_outbox WHERE status = 'to_call' GROUP BY channel, status`;

interface BacklogReading {
  at: number;
  rows: BacklogRow[];
}

/** The outbox's series: its backlog read from the table (cached), and send failures counted by the dispatcher. */
export class OutboxMetrics {
  readonly sendFailures: Counter<'channel'>;
  private readonly logger = new Logger('OutboxMetrics');
  private reading: BacklogReading | null = null;
  private inFlight: Promise<BacklogReading | null> | null = null;

  constructor(
    registry: Registry,
    private readonly dataSource: DataSource,
  ) {
    this.sendFailures = new Counter({
      name: 'visio_outbox_send_failures_total',
      help: 'Failed attempts to hand a message to its provider (SMS over HTTP, SMTP), by channel; a retried message counts each failure',
      labelNames: ['channel'],
      registers: [registry],
    });
    for (const channel of CHANNELS) this.sendFailures.inc({ channel }, 0);

    const read = () => this.read();
    new Gauge({
      name: 'visio_outbox_backlog',
      help: `Outbox rows still to handle, by channel (${OUTBOX_CHANNELS.join(', ')}) and status (pending, sending; to_call for calls)`,
      labelNames: ['channel', 'status'],
      registers: [registry],
      async collect() {
        const reading = await read();
        this.reset();
        if (!reading) return;
        for (const { channel, status } of BACKLOG_SERIES) {
          this.set({ channel, status }, reading.rows.find((r) => r.channel === channel && r.status === status)?.n ?? 0);
        }
      },
    });
    new Gauge({
      name: 'visio_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest message not sent yet (pending or sending), by channel; 0 when there is none',
      labelNames: ['channel'],
      registers: [registry],
      async collect() {
        const reading = await read();
        this.reset();
        if (!reading) return;
        for (const channel of CHANNELS) {
          const ages = reading.rows.filter((r) => r.channel === channel && r.oldest_age !== null).map((r) => r.oldest_age!);
          this.set({ channel }, Math.max(0, ...ages));
        }
      },
    });
  }

  /**
   * The last reading if it is fresh, else a new one. When the database does not answer within the
   * timeout, the previous reading while it is under a minute old, then none (the series disappear:
   * absent rather than stale). One query at a time: scrapes during a slow one wait on the same.
   */
  private async read(): Promise<BacklogReading | null> {
    if (this.reading && Date.now() - this.reading.at < BACKLOG_TTL_MS) return this.reading;
    this.inFlight ??= this.query().finally(() => {
      this.inFlight = null;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), BACKLOG_QUERY_TIMEOUT_MS);
    });
    const fresh = await Promise.race([this.inFlight, timeout]).finally(() => clearTimeout(timer));
    if (fresh) return fresh;
    return this.reading && Date.now() - this.reading.at < BACKLOG_STALE_MS ? this.reading : null;
  }

  private async query(): Promise<BacklogReading | null> {
    try {
      const rows = await this.dataSource.query<BacklogRow[]>(BACKLOG_QUERY);
      this.reading = { at: Date.now(), rows };
      return this.reading;
    } catch (error) {
      this.logger.warn({ err: error }, 'the outbox backlog could not be read');
      return null;
    }
  }
}
