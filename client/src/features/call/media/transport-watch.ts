import type { types } from 'mediasoup-client';
import { describeFailure } from './media-failure-report';
import { backoff } from './retry';
import type { SignallingLink } from './signalling-link';

/**
 * NOTE: how long a transport may take from its DTLS start to 'connected'. A reachable SFU answers
 * in well under a second (TURN over TLS in two or three); past this, nobody should stare at a
 * black tile: the user is told and the engine starts again with new transports.
 */
export const MEDIA_CONNECT_TIMEOUT_MS = 8000;
/** Pauses before each new attempt while media cannot connect (the last one repeats). */
const MEDIA_RETRY_DELAYS_MS = [1000, 3000, 5000, 10_000];

export interface TransportWatchHooks {
  /** The media cannot connect ('unreachable'), or connect again (null). */
  problem(problem: 'unreachable' | null): void;
  /** Starts again with new transports (a new join). */
  retry(): void;
}

/**
 * Keeps the transports of one call connected.
 * NOTE: a network change (Wi-Fi to 4G, new IP) shows as ICE 'disconnected': restart ICE at once,
 * and again if it fails; a transport that worked comes back that way once the network does.
 * One that never connected is another story (media ports blocked, a wrong media address): it gets
 * MEDIA_CONNECT_TIMEOUT_MS from its start (its DTLS 'connect', i.e. its first produce or consume);
 * past that, or when it fails first, the failure is reported and the call tries again with new
 * transports. Either way, past that time the user is told.
 */
export class TransportWatch {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Consecutive attempts whose media did not connect (reset once a transport connects). */
  private attempts = 0;

  constructor(private readonly hooks: TransportWatchHooks) {}

  /** `current`: whether this transport still belongs to the call's attempt in progress. */
  watch(transport: types.Transport, socket: SignallingLink, current: () => boolean): void {
    let everConnected = false;
    let deadline: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      if (deadline) return;
      deadline = setTimeout(() => {
        this.timers.delete(deadline!);
        deadline = null;
        if (transport.connectionState === 'connected' || transport.closed) return;
        if (everConnected) this.hooks.problem('unreachable');
        else void this.stuck(transport, socket, current, 'timeout');
      }, MEDIA_CONNECT_TIMEOUT_MS);
      this.timers.add(deadline);
    };
    const disarm = () => {
      if (!deadline) return;
      clearTimeout(deadline);
      this.timers.delete(deadline);
      deadline = null;
    };
    transport.on('connect', () => arm());
    transport.on('connectionstatechange', (state) => {
      if (state === 'connected') {
        disarm();
        everConnected = true;
        this.attempts = 0;
        this.hooks.problem(null);
      } else if (state === 'disconnected' || (state === 'failed' && everConnected)) {
        arm();
        void restartIce(transport, socket).catch(() => undefined);
      } else if (state === 'failed') {
        disarm();
        void this.stuck(transport, socket, current, 'failed');
      }
    });
  }

  /** Between attempts: no timer of the previous transports may fire. */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Tells the user and the server (with the candidates tried), then starts again with new transports. */
  private async stuck(transport: types.Transport, socket: SignallingLink, current: () => boolean, state: 'timeout' | 'failed'): Promise<void> {
    if (!current() || transport.closed) return;
    this.hooks.problem('unreachable');
    const report = await describeFailure(transport, state).catch(() => null);
    if (report) void socket.request('reportMediaFailure', report).catch(() => undefined);
    if (!current()) return;
    const delay = backoff(MEDIA_RETRY_DELAYS_MS, this.attempts++);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (current()) this.hooks.retry();
    }, delay);
    this.timers.add(timer);
  }
}

/** New ICE credentials from the SFU, then a new ICE negotiation on the same transport. */
export async function restartIce(transport: types.Transport, socket: SignallingLink): Promise<void> {
  const { iceParameters } = await socket.request('restartIce', { transportId: transport.id });
  await transport.restartIce({ iceParameters });
}
