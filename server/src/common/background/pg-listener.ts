import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 2_000;

/**
 * One PostgreSQL connection LISTENing on a channel, reconnecting by itself: how every instance hears
 * a change another instance committed (the NOTIFY is sent in the change's transaction). Payloads
 * are JSON; a malformed one is ignored, a listener that throws is logged and the others still run.
 */
export class PgListener<T> {
  private readonly logger: Logger;
  private readonly listeners: Array<(payload: T) => void> = [];
  private readonly reconnected: Array<() => void> = [];
  private everConnected = false;
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string | undefined,
    private readonly channel: string,
    what: string,
  ) {
    this.logger = new Logger(what);
  }

  onMessage(listener: (payload: T) => void): void {
    this.listeners.push(listener);
  }

  /** Called after the connection came back: whatever was sent meanwhile was not heard. */
  onReconnected(listener: () => void): void {
    this.reconnected.push(listener);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`listening on ${this.channel} failed: ${error.message}; reconnecting`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.client = client;
      if (this.everConnected) for (const listener of this.reconnected) listener();
      this.everConnected = true;
    } catch (error) {
      this.logger.warn(`cannot listen on ${this.channel}: ${(error as Error).message}; retrying`);
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.stopped || this.retry) return;
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  private dispatch(raw: string | undefined): void {
    let payload: T;
    try {
      payload = JSON.parse(raw ?? '') as T;
    } catch {
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(payload);
      } catch (error) {
        this.logger.error({ err: error }, `a listener of ${this.channel} failed`);
      }
    }
  }
}
