import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/background/periodic-task';
import type { BoothMessage } from '../../../shared/signalling/protocol';
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
 * Keeps each lobby of this instance told what is true for its agent (`lobbyStatus`), on joining and
 * whenever it changes (only then), and relays the agent's messages (`boothMessage`).
 */
@Injectable()
export class LobbyWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LobbyWatch');
  private readonly told = new WeakMap<Call, string>();
  private readonly task: PeriodicTask<void>;
  private calls: () => Iterable<Call> = () => [];

  constructor(
    private readonly reader: LobbyStatusReader,
    private readonly messages: BoothMessages,
    private readonly presence: CallPresence,
  ) {
    this.task = new PeriodicTask({ run: () => this.refreshAll(), intervalMs: REFRESH_MS, onError: (error) => this.logger.warn({ err: error }, 'refreshing lobbies failed') });
  }

  /** The calls held here (the registry's), and where the agent's messages go. */
  attach(calls: () => Iterable<Call>, callOf: (consultationId: string) => Call | undefined): void {
    this.calls = calls;
    this.messages.onMessage((consultationId: string, message: BoothMessage) => callOf(consultationId)?.notifyLobby('boothMessage', message));
  }

  /** Someone entered the lobby (or came back to it): told at once what is true, and the last message. */
  async welcome(call: Call, access: CallAccess, connection: SignallingConnection): Promise<void> {
    const status = await this.reader.read(access, call.hasAgent());
    this.told.set(call, JSON.stringify(status));
    connection.notify('lobbyStatus', status);
    const message = this.messages.lastFor(call.consultationId);
    if (message) connection.notify('boothMessage', message);
  }

  /** An agent entered or left a call here: the lobbies waiting for them may read otherwise now. */
  agentMoved(): void {
    void this.presence
      .settled()
      .then(() => this.refreshAll())
      .catch((error: unknown) => this.logger.warn({ err: error }, 'refreshing lobbies failed'));
  }

  /** The consultation is over: its message is forgotten. */
  ended(consultationId: string): void {
    this.messages.forget(consultationId);
  }

  private async refreshAll(): Promise<void> {
    for (const call of [...this.calls()]) {
      const access = call.lobbyAccess();
      if (!access) continue;
      const status = await this.reader.read(access, call.hasAgent());
      const key = JSON.stringify(status);
      if (this.told.get(call) === key) continue;
      this.told.set(call, key);
      call.notifyLobby('lobbyStatus', status);
    }
  }

  onApplicationBootstrap(): void {
    this.task.start(REFRESH_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }
}
