import { BeforeApplicationShutdown, Injectable, MessageEvent, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { interval, map, merge, Observable, Subject, takeUntil } from 'rxjs';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { PgListener } from '../common/background/pg-listener';
import { DESK_CHANNEL, DeskNotice } from './desk-channel';

/** Proxies close an idle stream after a minute or so: a ping keeps it open. */
const KEEPALIVE_MS = 25_000;

/**
 * What changed in each site's day, as every instance hears it (PostgreSQL NOTIFY from the change's
 * transaction): desks open on this instance read their day again, calls held here tell their agent.
 */
@Injectable()
export class DeskEvents implements OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly listener: PgListener<DeskNotice>;
  private readonly bySite = new Map<string, Set<(notice: DeskNotice) => void>>();
  private readonly byAgent = new Map<string, Set<(notice: DeskNotice) => void>>();
  private readonly closing = new Subject<void>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.listener = new PgListener((dataSource.options as PostgresConnectionOptions).url, DESK_CHANNEL, 'DeskEvents');
    this.listener.onMessage((notice) => {
      for (const listener of this.bySite.get(notice.siteId) ?? []) listener(notice);
      if (notice.kind === 'message') for (const listener of this.byAgent.get(notice.message.agentUserId) ?? []) listener(notice);
    });
    // Notices sent while the listening connection was down were lost: every desk reads its day again.
    this.listener.onReconnected(() => {
      for (const [siteId, listeners] of this.bySite) for (const listener of listeners) listener({ siteId, kind: 'consultation' });
      for (const listeners of this.byAgent.values()) for (const listener of listeners) listener({ siteId: '', kind: 'consultation' });
    });
  }

  /** Every notice (the calls of this instance pick theirs). */
  onNotice(listener: (notice: DeskNotice) => void): void {
    this.listener.onMessage(listener);
  }

  /**
   * A desk's server-sent events: `change` for each notice of its site, `ping` every 25 s. It ends
   * when the client goes (its subscription is dropped) or when the server shuts down, so that an
   * open desk never holds a shutdown.
   */
  stream(siteId: string): Observable<MessageEvent> {
    return this.streamOf(this.bySite, siteId);
  }

  /** An agent's server-sent events: `change` for each facilitator's message about their consultations (and after a resync). */
  agentStream(agentUserId: string): Observable<MessageEvent> {
    return this.streamOf(this.byAgent, agentUserId);
  }

  private streamOf(registry: Map<string, Set<(notice: DeskNotice) => void>>, key: string): Observable<MessageEvent> {
    const changes = new Observable<MessageEvent>((subscriber) => {
      const listener = (notice: DeskNotice) => subscriber.next({ type: 'change', data: { kind: notice.kind } });
      const set = registry.get(key) ?? new Set();
      set.add(listener);
      registry.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && registry.get(key) === set) registry.delete(key);
      };
    });
    const pings = interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(changes, pings).pipe(takeUntil(this.closing));
  }

  /** Open streams end before the HTTP server closes (it waits for every open answer). */
  beforeApplicationShutdown(): void {
    this.closing.next();
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.listener.stop();
  }
}
