import type { FinalCloseReason, NotificationFrame } from '@shared/signalling/protocol';
import { finalCloseReason } from '@shared/signalling/protocol';
import { SignallingSocket } from '../api/signalling-socket';
import { backoff } from './retry';

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];

export interface SignallingSessionHooks {
  notification(frame: NotificationFrame): void;
  /** A new socket is open(ing): join the call on it. */
  connected(): void;
  /** Trying again after a network problem. */
  reconnecting(): void;
  /** A close code after which nobody comes back by themselves (ended, refused, cancelled…). */
  closedForGood(reason: FinalCloseReason): void;
}

/**
 * The call's signalling over time: one socket after another, with the retry policy. A final close
 * code ends it; anything else is a network problem, and a new socket follows after a back-off that
 * grows until a join succeeds again.
 */
export class SignallingSession {
  private socket: SignallingSocket | null = null;
  private attempts = 0;
  private stopped = false;

  constructor(
    private readonly consultationId: string,
    private readonly hooks: SignallingSessionHooks,
  ) {}

  /** The socket of the moment (requests on an older one are lost with it). */
  get current(): SignallingSocket | null {
    return this.socket;
  }

  open(): void {
    const socket = new SignallingSocket(
      { consultation: this.consultationId },
      (frame) => this.hooks.notification(frame),
      (code) => this.closed(socket, code),
    );
    this.socket = socket;
    this.hooks.connected();
  }

  /** A join went through: the next problem starts the back-off again from its shortest pause. */
  joined(): void {
    this.attempts = 0;
  }

  /** The pause before the next attempt (a new socket, or a join again on this one). */
  nextDelay(): number {
    return backoff(RECONNECT_DELAYS_MS, this.attempts++);
  }

  /** Closes the socket of the moment as a network cut would (it reconnects by itself). */
  drop(): void {
    this.socket?.close();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close();
  }

  private closed(socket: SignallingSocket, code: number): void {
    if (this.stopped || socket !== this.socket) return;
    const final = finalCloseReason(code);
    if (final) return this.hooks.closedForGood(final);
    this.hooks.reconnecting();
    const delay = this.nextDelay();
    setTimeout(() => !this.stopped && this.open(), delay);
  }
}
