import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import { CloseReason } from './close-reason';
import { ROUTER_MEDIA_CODECS } from './media-codecs';
import { MediaError } from './media-error';
import { Peer, PeerInfo, TransportDirection } from './peer';

export interface TransportParameters {
  id: string;
  iceParameters: types.IceParameters;
  iceCandidates: types.IceCandidate[];
  dtlsParameters: types.DtlsParameters;
}

export interface ConsumerParameters {
  id: string;
  producerId: string;
  producerPeerId: string;
  kind: types.MediaKind;
  rtpParameters: types.RtpParameters;
}

export interface PeerStats {
  transports: Array<{ id: string; direction: string; iceState: string; dtlsState: string; bytesReceived: number; bytesSent: number }>;
  producers: Array<{ id: string; kind: string; source: string; paused: boolean; score: number }>;
  consumers: Array<{ id: string; kind: string; paused: boolean; score: number; spatialLayer: number | null }>;
}

/** What the SFU measures of one consumer's stream towards its receiver (from the receiver's RTCP reports). */
export interface ConsumerQuality {
  kind: types.MediaKind;
  /** Round trip between the SFU and the receiver, in ms; null until the receiver's first report says it. */
  rttMs: number | null;
  /** Share of packets lost on the way in the receiver's last report, 0–1. */
  fractionLost: number;
  bitrateBps: number;
}

/** A transport's ICE and DTLS state with the candidates the SFU gave: what a failure is logged with. */
export interface TransportDiagnostics {
  id: string;
  direction: string;
  iceState: string;
  dtlsState: string;
  /** The SFU's own candidates, as handed to the browser. */
  candidates: Array<{ protocol: string; address: string; port: number }>;
  /** The browser's address and port the SFU sees, once ICE has connected. */
  selectedTuple: { protocol: string; remoteIp?: string; remotePort?: number } | null;
}

export interface RoomEvents {
  closed: [reason: CloseReason];
  /** A peer closed: left, replaced, or its media failed ('transport_failed'), among others. */
  peerClosed: [peer: Peer, reason: CloseReason];
  /** DTLS failed on one of the peer's transports; the peer closes with 'transport_failed' right after. */
  transportFailed: [peer: Peer, transport: TransportDiagnostics];
  /** ICE connected on one of the peer's transports: its media reach the SFU. */
  mediaConnected: [peer: Peer];
  /**
   * The first media packet went out to `peer` on one of its consumers: for video its first
   * keyframe (the first picture it can decode), for audio its first packet. Once per consumer.
   */
  mediaFlowing: [peer: Peer, kind: types.MediaKind];
  /** Another participant can now consume this producer. */
  producerAdded: [peer: Peer, producer: types.Producer];
  /** The producer behind one of `peer`'s consumers went away. */
  consumerClosed: [peer: Peer, consumerId: string];
  /** A participant muted or unmuted one of its producers (microphone, camera). */
  producerPaused: [peer: Peer, producer: types.Producer];
}

/** Shares of a receiver's bandwidth between its video consumers (mediasoup priorities, 1–255). */
const CAMERA_PRIORITY = 1;
const SCREEN_PRIORITY = 2;

/** Start estimate before congestion control has measured anything: enough for 360p at once. */
const INITIAL_OUTGOING_BITRATE = 1_000_000;

/**
 * One consultation's media: a router on one worker, the participants' transports on that worker's
 * WebRtcServer. The request order is router capabilities → join → create transport → connect →
 * produce / consume. The last participant leaving closes the room; so does the worker dying.
 */
export class Room extends EventEmitter<RoomEvents> {
  private readonly peers = new Map<string, Peer>();
  private closedWith: CloseReason | null = null;

  private constructor(
    readonly id: string,
    readonly router: types.Router,
    private readonly webRtcServer: types.WebRtcServer,
    private readonly worker: types.Worker,
  ) {
    super();
    // NOTE: a router closes by itself when its worker dies; that must close the room with a reason
    // that tells clients to come back (the registry recreates the room on a live worker).
    router.observer.once('close', () => this.close(worker.died ? 'worker_died' : 'room_closed'));
  }

  static async create(id: string, worker: types.Worker, webRtcServer: types.WebRtcServer): Promise<Room> {
    const router = await worker.createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS, appData: { roomId: id } });
    return new Room(id, router, webRtcServer, worker);
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }

  get workerPid(): number {
    return this.worker.pid;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.router.rtpCapabilities;
  }

  peer(id: string): Peer | undefined {
    return this.peers.get(id);
  }

  listPeers(): Peer[] {
    return [...this.peers.values()];
  }

  /** Adds a participant; one who is already here (a reconnection) replaces its ghost. */
  join(info: PeerInfo): Peer {
    this.assertOpen();
    const ghost = this.peers.get(info.id);
    const peer = new Peer(info, (closed, reason) => this.onPeerClosed(closed, reason));
    // Registered before the ghost closes, so the room never looks empty in between.
    this.peers.set(info.id, peer);
    ghost?.close('replaced');
    return peer;
  }

  leave(peerId: string, reason: CloseReason = 'left'): void {
    this.peers.get(peerId)?.close(reason);
  }

  async createTransport(peer: Peer, direction: TransportDirection): Promise<TransportParameters> {
    this.assertMember(peer);
    const transport = await this.router.createWebRtcTransport({
      webRtcServer: this.webRtcServer,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
      appData: { direction, peerId: peer.id },
    });
    // Replaced by a newer connection while the worker made it: nobody would ever close it.
    if (peer.closed) {
      transport.close();
      throw new MediaError('PEER_CLOSED', 'This participant has left or was replaced.');
    }
    peer.adoptTransport(transport);
    transport.on('icestatechange', (state) => {
      if (state === 'connected' || state === 'completed') this.emit('mediaConnected', peer);
    });
    const failed = () => {
      this.emit('transportFailed', peer, diagnose(transport));
      peer.close('transport_failed');
    };
    // ICE 'disconnected' is left alone: the client restarts ICE and a short drop resumes the call.
    // A DTLS failure is final for these transports: the peer closes and is told to come back with new ones.
    transport.on('dtlsstatechange', (state) => state === 'failed' && failed());
    // Closed under a live peer, in a live room (not with its router or worker, which close the room
    // with their own reason): its media are gone all the same.
    transport.observer.once('close', () => {
      if (!peer.closed && !this.closedWith && !this.router.closed && !this.worker.died) failed();
    });
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  async connectTransport(peer: Peer, transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    this.assertMember(peer);
    await peer.transport(transportId).connect({ dtlsParameters });
  }

  async restartIce(peer: Peer, transportId: string): Promise<types.IceParameters> {
    this.assertMember(peer);
    return peer.transport(transportId).restartIce();
  }

  async produce(
    peer: Peer,
    transportId: string,
    kind: types.MediaKind,
    rtpParameters: types.RtpParameters,
    appData: Record<string, unknown> = {},
  ): Promise<types.Producer> {
    this.assertMember(peer);
    const producer = await peer.transport(transportId, 'send').produce({ kind, rtpParameters, appData: { ...appData, peerId: peer.id } });
    peer.adoptProducer(producer);
    this.emit('producerAdded', peer, producer);
    return producer;
  }

  /** Creates a paused consumer: the caller resumes it once the client has set it up (no lost keyframe). */
  async consume(peer: Peer, producerId: string, rtpCapabilities: types.RtpCapabilities): Promise<ConsumerParameters> {
    this.assertMember(peer);
    const owner = this.listPeers().find((p) => p.producers.has(producerId));
    if (!owner) throw new MediaError('UNKNOWN_PRODUCER', `No producer ${producerId} in this room.`);
    if (owner === peer) throw new MediaError('CANNOT_CONSUME', 'A participant does not consume its own media.');
    if (!this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new MediaError('CANNOT_CONSUME', 'This device cannot decode that media.');
    }
    const consumer = await peer.recvTransport().consume({
      producerId,
      rtpCapabilities,
      paused: true,
      appData: { peerId: peer.id, producerPeerId: owner.id },
    });
    peer.adoptConsumer(consumer);
    // NOTE: when a receiver's bandwidth is short, the worker shares it among its video consumers by
    // priority (audio is never cut down, it always goes first): a shared document must stay
    // readable, so screen video outranks the camera, which then drops to a lower layer.
    const source = (owner.producers.get(producerId)!.appData as { source?: string }).source;
    if (consumer.kind === 'video') await consumer.setPriority(source === 'screen' ? SCREEN_PRIORITY : CAMERA_PRIORITY);
    consumer.on('producerclose', () => this.emit('consumerClosed', peer, consumer.id));
    this.watchFirstPacket(peer, consumer);
    return {
      id: consumer.id,
      producerId,
      producerPeerId: owner.id,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
    };
  }

  async resumeConsumer(peer: Peer, consumerId: string): Promise<void> {
    this.assertMember(peer);
    await peer.consumer(consumerId).resume();
  }

  /** A receiver stops one of its consumers (audio-only mode): the SFU stops forwarding it. */
  async pauseConsumer(peer: Peer, consumerId: string): Promise<void> {
    this.assertMember(peer);
    await peer.consumer(consumerId).pause();
  }

  /** A participant pauses one of its own producers (mute); consumers stop receiving at once. */
  async setProducerPaused(peer: Peer, producerId: string, paused: boolean): Promise<void> {
    this.assertMember(peer);
    const producer = peer.producers.get(producerId);
    if (!producer) throw new MediaError('UNKNOWN_PRODUCER', `No producer ${producerId} of yours.`);
    if (producer.paused === paused) return;
    if (paused) await producer.pause();
    else await producer.resume();
    this.emit('producerPaused', peer, producer);
  }

  /** A participant stops one of its producers (end of a screen share); its consumers close with it. */
  closeProducer(peer: Peer, producerId: string): void {
    this.assertMember(peer);
    const producer = peer.producers.get(producerId);
    if (!producer) throw new MediaError('UNKNOWN_PRODUCER', `No producer ${producerId} of yours.`);
    producer.close();
  }

  /** Pins the simulcast layer a receiver wants; bandwidth estimation may still pick a lower one. */
  async setPreferredLayer(peer: Peer, consumerId: string, spatialLayer: number): Promise<void> {
    this.assertMember(peer);
    const consumer = peer.consumer(consumerId);
    // Audio and single-layer video have nothing to choose from.
    if (consumer.type !== 'simulcast' && consumer.type !== 'svc') return;
    await consumer.setPreferredLayers({ spatialLayer, temporalLayer: 2 });
  }

  /** One of the peer's transports as it stands, or undefined when it has none with that id. */
  diagnose(peer: Peer, transportId: string): TransportDiagnostics | undefined {
    const transport = peer.transports.get(transportId);
    return transport && diagnose(transport);
  }

  /** One participant's media health: what support staff read when a call goes wrong. */
  async stats(peer: Peer): Promise<PeerStats> {
    this.assertMember(peer);
    const transports = await Promise.all(
      [...peer.transports.values()].map(async (t) => {
        const [s] = await t.getStats();
        return {
          id: t.id,
          direction: String((t.appData as { direction?: string }).direction),
          iceState: t.iceState,
          dtlsState: t.dtlsState,
          bytesReceived: s?.bytesReceived ?? 0,
          bytesSent: s?.bytesSent ?? 0,
        };
      }),
    );
    return {
      transports,
      producers: [...peer.producers.values()].map((p) => ({
        id: p.id,
        kind: p.kind,
        source: String((p.appData as { source?: string }).source ?? p.kind),
        paused: p.paused,
        score: Math.max(0, ...p.score.map((s) => s.score)),
      })),
      consumers: [...peer.consumers.values()].map((c) => ({
        id: c.id,
        kind: c.kind,
        paused: c.paused,
        score: c.score.score,
        spatialLayer: c.currentLayers?.spatialLayer ?? null,
      })),
    };
  }

  /**
   * What the SFU measures of each stream it sends `peer` (its consumers): the call-quality samples.
   * Paused consumers send nothing and are left out.
   */
  async receiveQuality(peer: Peer): Promise<ConsumerQuality[]> {
    this.assertMember(peer);
    const consumers = [...peer.consumers.values()].filter((c) => !c.paused && !c.producerPaused);
    const read = await Promise.all(
      consumers.map(async (c): Promise<ConsumerQuality | null> => {
        const sent = (await c.getStats()).find((s) => s.type === 'outbound-rtp');
        if (!sent) return null;
        // NOTE: mediasoup gives the receiver report's fraction as its 8-bit value (0–255).
        return { kind: c.kind, rttMs: sent.roundTripTime ?? null, fractionLost: sent.fractionLost / 256, bitrateBps: sent.bitrate };
      }),
    );
    return read.filter((q): q is ConsumerQuality => q !== null);
  }

  close(reason: CloseReason): void {
    if (this.closedWith) return;
    this.closedWith = reason;
    for (const peer of [...this.peers.values()]) peer.close(reason);
    if (!this.router.closed) this.router.close();
    this.emit('closed', reason);
    this.removeAllListeners();
  }

  private onPeerClosed(peer: Peer, reason: CloseReason): void {
    // A replaced peer's slot already holds its successor.
    if (this.peers.get(peer.id) === peer) this.peers.delete(peer.id);
    this.emit('peerClosed', peer, reason);
    if (this.peers.size === 0 && !this.closedWith) this.close('room_closed');
  }

  /**
   * NOTE: the worker reports a consumer's packets only through trace events, which cost a message
   * per packet: they are on until the first one that counts (a video consumer forwards nothing
   * before a keyframe), then off again.
   */
  private watchFirstPacket(peer: Peer, consumer: types.Consumer): void {
    const type = consumer.kind === 'video' ? 'keyframe' : 'rtp';
    const onTrace = (trace: types.ConsumerTraceEventData) => {
      if (trace.type !== type || trace.direction !== 'out') return;
      consumer.off('trace', onTrace);
      if (!consumer.closed) consumer.enableTraceEvent([]).catch(() => undefined);
      this.emit('mediaFlowing', peer, consumer.kind);
    };
    consumer.on('trace', onTrace);
    // A consumer closed meanwhile (its producer or peer gone) has nothing to report.
    consumer.enableTraceEvent([type]).catch(() => consumer.off('trace', onTrace));
  }

  private assertOpen(): void {
    if (this.closedWith) throw new MediaError('ROOM_CLOSED', `The room is closed (${this.closedWith}).`);
  }

  private assertMember(peer: Peer): void {
    this.assertOpen();
    if (peer.closed || this.peers.get(peer.id) !== peer) throw new MediaError('PEER_CLOSED', 'This participant has left the room.');
  }
}

function diagnose(transport: types.WebRtcTransport): TransportDiagnostics {
  const tuple = transport.iceSelectedTuple;
  return {
    id: transport.id,
    direction: String((transport.appData as { direction?: string }).direction),
    iceState: transport.iceState,
    dtlsState: transport.dtlsState,
    candidates: transport.iceCandidates.map((c) => ({ protocol: c.protocol, address: c.address, port: c.port })),
    selectedTuple: tuple ? { protocol: tuple.protocol, remoteIp: tuple.remoteIp, remotePort: tuple.remotePort } : null,
  };
}
