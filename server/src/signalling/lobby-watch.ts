import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/background/periodic-task';
import type { BoothMessage, LobbyStatus } from '../../../shared/signalling/protocol';
import { BoothMessages } from './booth-message/booth-messages.service';
import type { Call } from './call';
import type { CallAccess } from './call-access.service';
import { CallPresence } from './call-presence';
import type { SignallingConnection } from './connection';
import { LobbyStatusReader } from './lobby-status';

/**
 * Read again this often for every lobby held here: the agent may come or go on another instance,
 * the previous call's minutes go down and the late threshold passes without any event here.
 */
const REFRESH_MS = 10_000;

/**
 * Keeps each lobby member of this instance told what is true for its agent (`lobbyStatus`), on
 * joining and whenever it changes for them (only then: what each connection was told is kept), and
 * relays the agent's messages (`boothMessage`). Refreshes run one at a time: a request arriving
 * during a run is folded into the next one, so an older reading is never delivered after a newer.
 */
@Injectable()
export class LobbyWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LobbyWatch');
  private readonly told = new WeakMap<SignallingConnection, string>();
  private readonly task: PeriodicTask<void>;
  private calls: () => Iterable<Call> = () => [];
  /** What the next run reads again: every lobby, or those waiting for these agents. */
  private pending = { all: false, agents: new Set<string>() };
  private running: Promise<void> | null = null;

  constructor(
    private readonly reader: LobbyStatusReader,
    private readonly messages: BoothMessages,
    private readonly presence: CallPresence,
  ) {
    this.task = new PeriodicTask({ run: () => this.refresh(null), intervalMs: REFRESH_MS, onError: (error) => this.logger.warn({ err: error }, 'refreshing lobbies failed') });
  }

  /** The calls held here (the registry's), and where the agent's messages go. */
  attach(calls: () => Iterable<Call>, callOf: (consultationId: string) => Call | undefined): void {
    this.calls = calls;
    this.messages.onMessage((consultationId: string, message: BoothMessage) => callOf(consultationId)?.notifyLobby('boothMessage', message));
  }

  /**
   * Someone entered the lobby (or came back to it): told at once what is true, and the last message.
   * A failed reading is only logged: the join was accepted, and the next refresh tells them.
   */
  async welcome(call: Call, access: CallAccess, connection: SignallingConnection): Promise<void> {
    const message = this.messages.lastFor(call.consultationId);
    if (message) connection.notify('boothMessage', message);
    try {
      // An agent's move written here just before is read back, not the row it replaces.
      await this.presence.settled();
      this.tell(connection, await this.reader.read(access, call.hasAgent()));
    } catch (error) {
      this.logger.warn({ err: error, consultationId: call.consultationId }, 'reading a lobby status failed');
    }
  }

  /** An agent entered or left a call here: the lobbies waiting for them may read otherwise now. */
  agentMoved(agentUserId: string): void {
    void this.refresh(agentUserId);
  }

  /** The consultation is over: its message is forgotten. */
  ended(consultationId: string): void {
    this.messages.forget(consultationId);
  }

  /** Reads again the lobbies waiting for this agent (null: every lobby), after any run under way. */
  refresh(agentUserId: string | null): Promise<void> {
    if (agentUserId === null) this.pending.all = true;
    else this.pending.agents.add(agentUserId);
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      do {
        // The presence rows this instance is writing (the agent's move) are read back by the reader.
        await this.presence.settled().catch((error: unknown) => this.logger.warn({ err: error }, 'writing call presence failed'));
        const { all, agents } = this.pending;
        this.pending = { all: false, agents: new Set() };
        for (const call of [...this.calls()]) {
          const access = call.lobbyAccess();
          if (access && (all || (access.agentUserId !== null && agents.has(access.agentUserId)))) await this.refreshLobby(call, access);
        }
      } while (this.pending.all || this.pending.agents.size > 0);
    } finally {
      this.running = null;
    }
  }

  /** One lobby: a failed reading is logged and skips it alone, the other lobbies are still read. */
  private async refreshLobby(call: Call, access: CallAccess): Promise<void> {
    try {
      const status = await this.reader.read(access, call.hasAgent());
      for (const connection of call.lobbyConnections()) this.tell(connection, status);
    } catch (error) {
      this.logger.warn({ err: error, consultationId: call.consultationId }, 'reading a lobby status failed');
    }
  }

  private tell(connection: SignallingConnection, status: LobbyStatus): void {
    const key = JSON.stringify(status);
    if (this.told.get(connection) === key) return;
    this.told.set(connection, key);
    connection.notify('lobbyStatus', status);
  }

  onApplicationBootstrap(): void {
    this.task.start(REFRESH_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
    await this.running;
  }
}
