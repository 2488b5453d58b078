import type { types } from 'mediasoup';
import { CloseReason } from './close-reason';
import { MediaError } from './media-error';

export type TransportDirection = 'send' | 'recv';

/** Who the participant is; media/ does not interpret the role. */
export interface PeerInfo {
  id: string;
  role: string;
  displayName: string;
}

/**
 * One participant's media objects. Each object lives in exactly one owning map and leaves it when
 * mediasoup closes it, whatever the cause (its own close, its transport's, its producer's, the
 * router's). `close(reason)` is the one way a peer ends: closing its transports closes everything
 * they carry.
 */
export class Peer {
  readonly transports = new Map<string, types.WebRtcTransport>();
  readonly producers = new Map<string, types.Producer>();
  readonly consumers = new Map<string, types.Consumer>();
  private closedWith: CloseReason | null = null;

  constructor(
    readonly info: PeerInfo,
    private readonly onClosed: (peer: Peer, reason: CloseReason) => void,
  ) {}

  get id(): string {
    return this.info.id;
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }

  get closeReason(): CloseReason | null {
    return this.closedWith;
  }

  adoptTransport(transport: types.WebRtcTransport): void {
    track(this.transports, transport);
  }

  adoptProducer(producer: types.Producer): void {
    track(this.producers, producer);
  }

  adoptConsumer(consumer: types.Consumer): void {
    track(this.consumers, consumer);
  }

  transport(id: string, direction?: TransportDirection): types.WebRtcTransport {
    const transport = this.transports.get(id);
    if (!transport) throw new MediaError('UNKNOWN_TRANSPORT', `No transport ${id} for this participant.`);
    if (direction && (transport.appData as { direction?: TransportDirection }).direction !== direction) {
      throw new MediaError('WRONG_DIRECTION', `Transport ${id} is not a ${direction} transport.`);
    }
    return transport;
  }

  /** The receiving transport the consumers go on (the most recent one, after an ICE-less rejoin). */
  recvTransport(): types.WebRtcTransport {
    const recv = [...this.transports.values()].filter((t) => (t.appData as { direction?: string }).direction === 'recv');
    const last = recv.at(-1);
    if (!last) throw new MediaError('UNKNOWN_TRANSPORT', 'Create a receiving transport first.');
    return last;
  }

  consumer(id: string): types.Consumer {
    const consumer = this.consumers.get(id);
    if (!consumer) throw new MediaError('UNKNOWN_CONSUMER', `No consumer ${id} for this participant.`);
    return consumer;
  }

  close(reason: CloseReason): void {
    if (this.closedWith) return;
    this.closedWith = reason;
    for (const transport of [...this.transports.values()]) transport.close();
    this.onClosed(this, reason);
  }
}

function track<T extends { id: string; observer: { once(event: 'close', listener: () => void): unknown } }>(
  map: Map<string, T>,
  object: T,
): void {
  map.set(object.id, object);
  object.observer.once('close', () => map.delete(object.id));
}
