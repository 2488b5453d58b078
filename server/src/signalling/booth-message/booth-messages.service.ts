import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { UserPrincipal } from '../../auth/principal';
import { PgListener } from '../../common/background/pg-listener';
import { DomainError } from '../../common/errors/domain.error';
import { signallingConfig, SignallingConfig } from '../../config/configuration';
import { ConsultationReader } from '../../consultations/consultation.reader';
import { OPEN_STATUSES } from '../../consultations/entities/consultation.entity';
import type { BoothMessage } from '../../../../shared/signalling/protocol';
import { withinJoinWindow } from '../join-window';
import { BoothMessageView } from './booth-message.dto';
import { LastMessages } from './last-messages';

/** PostgreSQL channel on which every instance hears an agent's message to a waiting booth. */
const CHANNEL = 'visio_booth_message';
/** A few words while the citizen waits: more than this in a minute is a stuck key or a script. */
const MAX_PER_WINDOW = 5;
const WINDOW_MS = 60_000;
/** How often every instance drops the messages past their age (LastMessages), whether or not anything else happens. */
const PURGE_MS = 60_000;

interface Notice {
  consultationId: string;
  message: BoothMessage;
}

/**
 * An agent's short message to the booth waiting for them (often sent from their home page, while
 * still in the previous call, so not over the consultation's signalling). Every instance hears it
 * (PostgreSQL NOTIFY) and keeps the last one per consultation in memory, so that the instance
 * holding the call relays it and a booth joining or reloading later still sees it. It is not kept
 * in the database: it is no business record (no audit row, only a log line), it says nothing once
 * the consultation is over, and nothing about the citizen outlives the lobby. The rate limit is per
 * instance: it stops a flood, not a determined agent, who could only write to their own booth.
 */
@Injectable()
export class BoothMessages implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BoothMessages');
  private readonly listener: PgListener<Notice>;
  private readonly last = new LastMessages();
  private readonly sent = new Map<string, number[]>();
  private readonly relays: Array<(consultationId: string, message: BoothMessage) => void> = [];
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationReader,
    @Inject(signallingConfig.KEY) private readonly config: SignallingConfig,
  ) {
    this.listener = new PgListener((dataSource.options as PostgresConnectionOptions).url, CHANNEL, 'BoothMessages');
    this.listener.onMessage(({ consultationId, message }) => {
      this.last.set(consultationId, message);
      for (const relay of this.relays) relay(consultationId, message);
    });
  }

  /** The calls of this instance relay each message to their lobby. */
  onMessage(relay: (consultationId: string, message: BoothMessage) => void): void {
    this.relays.push(relay);
  }

  /** The last message to this consultation's booth, for a booth entering the lobby. */
  lastFor(consultationId: string): BoothMessage | null {
    return this.last.lastFor(consultationId);
  }

  /** The consultation is over (on this instance; the others drop it with age): its message says nothing any more. */
  forget(consultationId: string): void {
    this.last.forget(consultationId);
  }

  async send(user: UserPrincipal, consultationId: string, text: string): Promise<BoothMessageView> {
    const consultation = await this.consultations.findForCall(consultationId);
    if (!consultation) throw new DomainError('NOT_FOUND', 'No such consultation.');
    if (consultation.agentUserId !== user.userId) throw new DomainError('NOT_CONSULTATION_AGENT', 'Only the agent of this consultation writes to its booth.');
    if (consultation.status === 'cancelled') throw new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled.');
    if (!OPEN_STATUSES.includes(consultation.status)) throw new DomainError('CONSULTATION_ENDED', 'This consultation is over.');
    // Written at 08:00 for 16:00, it would greet the booth of the consultation before, or be stale
    // by then: only while the call can be joined, as the booth itself joins it.
    if (!withinJoinWindow(consultation, this.config.joinMarginMinutes, new Date())) {
      throw new DomainError('OUTSIDE_WINDOW', 'Write to the booth while its consultation can be joined.');
    }
    this.take(user.userId);
    const message: BoothMessage = { text, sentAt: new Date().toISOString() };
    await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ consultationId, message } satisfies Notice)]);
    // The words may name the citizen: the log says that a message went, not what it said.
    this.logger.log({ consultationId, agentUserId: user.userId, length: text.length }, 'agent message to the waiting booth');
    return message;
  }

  private take(userId: string): void {
    const now = Date.now();
    const recent = (this.sent.get(userId) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= MAX_PER_WINDOW) {
      const retryAfter = Math.ceil((recent[0]! + WINDOW_MS - now) / 1000);
      throw new DomainError('RATE_LIMITED', `Too many messages. Try again in ${retryAfter} s.`, undefined, retryAfter);
    }
    recent.push(now);
    this.sent.set(userId, recent);
  }

  /** Drops the messages past their age and the rate counts past their window. */
  private purge(now = Date.now()): void {
    this.last.purge(now);
    for (const [user, times] of this.sent) if (times.every((t) => t <= now - WINDOW_MS)) this.sent.delete(user);
  }

  onApplicationBootstrap(): Promise<void> {
    // Unref'd: it never keeps the process alive by itself.
    this.purgeTimer = setInterval(() => this.purge(), PURGE_MS).unref();
    return this.listener.start();
  }

  onModuleDestroy(): Promise<void> {
    clearInterval(this.purgeTimer);
    return this.listener.stop();
  }
}
