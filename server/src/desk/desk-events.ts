import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { PgListener } from '../common/background/pg-listener';
import { DESK_CHANNEL, DeskNotice } from './desk-channel';

/**
 * What changed in each site's day, as every instance hears it (PostgreSQL NOTIFY from the change's
 * transaction): desks open on this instance read their day again, calls held here tell their agent.
 */
@Injectable()
export class DeskEvents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listener: PgListener<DeskNotice>;
  private readonly bySite = new Map<string, Set<(notice: DeskNotice) => void>>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.listener = new PgListener((dataSource.options as PostgresConnectionOptions).url, DESK_CHANNEL, 'DeskEvents');
    this.listener.onMessage((notice) => {
      for (const listener of this.bySite.get(notice.siteId) ?? []) listener(notice);
    });
  }

  /** Every notice (the calls of this instance pick theirs). */
  onNotice(listener: (notice: DeskNotice) => void): void {
    this.listener.onMessage(listener);
  }

  /** A desk's subscription to its site; the returned function ends it. */
  subscribe(siteId: string, listener: (notice: DeskNotice) => void): () => void {
    const set = this.bySite.get(siteId) ?? new Set();
    set.add(listener);
    this.bySite.set(siteId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.bySite.get(siteId) === set) this.bySite.delete(siteId);
    };
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.listener.stop();
  }
}
