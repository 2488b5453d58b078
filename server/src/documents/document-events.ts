import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { DocumentStatus } from '../../../shared/documents/documents';
import { PgListener } from '../common/background/pg-listener';
import { DOCUMENTS_CHANNEL } from './documents.repository';

export interface DocumentChange {
  documentId: string;
  consultationId: string;
  status: DocumentStatus | 'deleted';
}

/**
 * Document changes as every instance hears them: each change is a PostgreSQL NOTIFY sent in the
 * transaction that makes it (so it is heard only once committed, by all instances), and each
 * instance LISTENs on its own connection. The instance holding a consultation's call tells its
 * participants, whichever instance received the upload or ran the checks.
 */
@Injectable()
export class DocumentEvents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listener: PgListener<DocumentChange>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.listener = new PgListener((dataSource.options as PostgresConnectionOptions).url, DOCUMENTS_CHANNEL, 'DocumentEvents');
  }

  onChange(listener: (change: DocumentChange) => void): void {
    this.listener.onMessage(listener);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.listener.stop();
  }
}
