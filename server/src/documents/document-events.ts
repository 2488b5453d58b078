import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { DocumentStatus } from '../../../shared/documents/documents';
import { DOCUMENTS_CHANNEL } from './documents.repository';

export interface DocumentChange {
  documentId: string;
  consultationId: string;
  status: DocumentStatus | 'deleted';
}

const RECONNECT_MS = 2_000;

/**
 * Document changes as every instance hears them: each change is a PostgreSQL NOTIFY sent in the
 * transaction that makes it (so it is heard only once committed, by all instances), and each
 * instance LISTENs on its own connection. The instance holding a consultation's call tells its
 * participants, whichever instance received the upload or ran the checks.
 */
@Injectable()
export class DocumentEvents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DocumentEvents');
  private readonly listeners: Array<(change: DocumentChange) => void> = [];
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onChange(listener: (change: DocumentChange) => void): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: (this.dataSource.options as PostgresConnectionOptions).url });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`listening for document changes failed: ${error.message}; reconnecting`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${DOCUMENTS_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.logger.warn(`cannot listen for document changes: ${(error as Error).message}; retrying`);
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

  private dispatch(payload: string | undefined): void {
    let change: DocumentChange;
    try {
      change = JSON.parse(payload ?? '') as DocumentChange;
    } catch {
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error({ err: error }, 'a document change listener failed');
      }
    }
  }
}
