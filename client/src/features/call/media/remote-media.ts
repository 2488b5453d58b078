import type { Device, types } from 'mediasoup-client';
import type { MediaSource, NotificationMap, SpatialLayer } from '@shared/signalling/protocol';
import { withRemoteSource } from './call-state';
import type { CallStore } from './call-store';
import { bestEffort, type SignallingLink } from './signalling-link';

const isCameraVideo = (consumer: types.Consumer) => consumer.kind === 'video' && consumer.appData.source !== 'screen';

/** The receive side at a given moment: its transport, the device that negotiates, and the socket. */
export interface ReceivePath {
  recv: types.Transport;
  device: Device;
  socket: SignallingLink;
}

/**
 * What the others send: one consumer per producer on the current receive transport, assembled into
 * one stream per participant (camera and microphone) and one per shared screen, with the layer each
 * rendered size needs. Emptied on every new join (producers are announced again).
 */
export class RemoteMedia {
  private readonly consumers = new Map<string, types.Consumer>();
  /** What each announced producer carries ('camera', 'microphone', 'screen'). */
  private readonly sources = new Map<string, MediaSource>();
  /** Producers consumed on the current receive transport: each is announced once, but may be listed too. */
  private readonly consumed = new Set<string>();
  /** Announced before the receive transport exists: consumed with it. */
  private readonly waiting: string[] = [];
  private readonly renderedHeights = new Map<string, number>();

  constructor(
    private readonly store: CallStore,
    private readonly mark: (step: string) => void,
  ) {}

  /** A producer announced (or listed with the receive transport): its source and paused state. */
  announced(producer: NotificationMap['newProducer']): void {
    this.sources.set(producer.producerId, producer.source);
    this.paused(producer);
  }

  /** Another participant muted or unmuted a producer: the view shows it. */
  paused({ participantId, source, paused }: { participantId: string; source: MediaSource; paused: boolean }): void {
    const remoteMedia = withRemoteSource(this.store.snapshot.remoteMedia, participantId, source, paused);
    if (remoteMedia !== this.store.snapshot.remoteMedia) this.store.update({ remoteMedia });
  }

  wait(producerId: string): void {
    this.waiting.push(producerId);
  }

  /** The producers announced while the receive transport was being made. */
  takeWaiting(): string[] {
    return this.waiting.splice(0);
  }

  /** Consumes each of these producers once per receive transport (one may be listed and announced). */
  async consumeAll(path: ReceivePath | null, producerIds: string[]): Promise<void> {
    if (!path) return;
    const fresh = producerIds.filter((id) => !this.consumed.has(id));
    for (const producerId of fresh) this.consumed.add(producerId);
    await Promise.all(fresh.map((producerId) => this.consume(path, producerId).catch((e: unknown) => console.warn('consume failed', e))));
  }

  /** The SFU closed a consumer (its producer went): its track leaves the participant's stream. */
  drop(consumerId: string): void {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) return;
    this.consumers.delete(consumerId);
    consumer.close();
    const participantId = String(consumer.appData.participantId);
    const { remoteScreens, remoteStreams } = this.store.snapshot;
    if (consumer.appData.source === 'screen') {
      const rest = { ...remoteScreens };
      delete rest[participantId];
      this.store.update({ remoteScreens: rest });
      return;
    }
    const stream = remoteStreams[participantId];
    if (stream) {
      const rest = stream.getTracks().filter((t) => t !== consumer.track);
      this.store.update({ remoteStreams: { ...remoteStreams, [participantId]: new MediaStream(rest) } });
    }
  }

  /** A participant left: their streams and media state go. */
  left(participantId: string): void {
    const remoteStreams = { ...this.store.snapshot.remoteStreams };
    delete remoteStreams[participantId];
    const remoteMedia = { ...this.store.snapshot.remoteMedia };
    delete remoteMedia[participantId];
    const remoteScreens = { ...this.store.snapshot.remoteScreens };
    delete remoteScreens[participantId];
    this.store.update({ participants: this.store.snapshot.participants.filter((x) => x.id !== participantId), remoteStreams, remoteMedia, remoteScreens });
  }

  /**
   * Audio only: the camera video we receive stops at the SFU, not only on screen (it is what saves a
   * weak link); a shared screen keeps coming. Resuming makes the SFU ask the sender for a keyframe.
   */
  setCameraVideoPaused(socket: SignallingLink | null, paused: boolean): void {
    for (const consumer of this.consumers.values()) {
      if (!isCameraVideo(consumer)) continue;
      if (paused) consumer.pause();
      else consumer.resume();
      bestEffort(socket, paused ? 'pauseConsumer' : 'resumeConsumer', { consumerId: consumer.id });
    }
  }

  /**
   * The remote video of `participantId` is shown `height` CSS pixels high: ask for the smallest
   * simulcast layer that fills it (layers are 1/4, 1/2 and full resolution of up to 720p).
   */
  setRenderedHeight(socket: SignallingLink | null, participantId: string, height: number): void {
    const layer: SpatialLayer = height * devicePixelRatio <= 200 ? 0 : height * devicePixelRatio <= 400 ? 1 : 2;
    for (const consumer of this.consumers.values()) {
      if (consumer.kind !== 'video' || consumer.appData.participantId !== participantId || consumer.appData.layer === layer) continue;
      consumer.appData.layer = layer;
      bestEffort(socket, 'setPreferredLayer', { consumerId: consumer.id, spatialLayer: layer });
    }
    this.renderedHeights.set(participantId, height);
  }

  /** Before a new join: everything is announced again, with its paused state. */
  reset(): void {
    this.consumers.clear();
    this.waiting.length = 0;
    this.consumed.clear();
    this.sources.clear();
    const { remoteStreams, remoteMedia, remoteScreens } = this.store.snapshot;
    if ([remoteStreams, remoteMedia, remoteScreens].some((m) => Object.keys(m).length > 0)) {
      this.store.update({ remoteStreams: {}, remoteMedia: {}, remoteScreens: {} });
    }
  }

  private async consume(path: ReceivePath, producerId: string): Promise<void> {
    const { recv, device, socket } = path;
    const params = await socket.request('consume', { producerId, rtpCapabilities: device.rtpCapabilities });
    if (recv.closed) return;
    this.mark(`consumeAnswered:${params.kind}`);
    // NOTE: the server creates consumers paused so that no video keyframe reaches us before our
    // receiver exists; audio has no keyframe to lose, so it is resumed at once, in parallel with
    // the local negotiation. Each consumer is negotiated on its own: the first (audio, quick) lets
    // ICE and DTLS start while the video's heavier negotiation goes on.
    const resumed = params.kind === 'audio' ? socket.request('resumeConsumer', { consumerId: params.consumerId }) : null;
    resumed?.catch(() => undefined);
    const consumer = await recv.consume({ id: params.consumerId, producerId, kind: params.kind, rtpParameters: params.rtpParameters });
    this.consumers.set(consumer.id, consumer);
    consumer.appData.participantId = params.participantId;
    consumer.appData.source = this.sources.get(producerId) ?? params.kind;
    this.attach(params.participantId, consumer);
    this.mark(`consumed:${consumer.kind}`);
    // In audio-only mode a new camera consumer stays paused at the SFU until the mode ends.
    if (isCameraVideo(consumer) && this.store.snapshot.audioOnly) consumer.pause();
    else {
      await (resumed ?? socket.request('resumeConsumer', { consumerId: consumer.id }));
      this.mark(`resumed:${consumer.kind}`);
    }
    const height = this.renderedHeights.get(params.participantId);
    if (height !== undefined) this.setRenderedHeight(socket, params.participantId, height);
  }

  /**
   * NOTE: a shared screen is a stream of its own, beside the camera's: it must neither replace the
   * camera's video nor take it away when the sharing stops.
   */
  private attach(participantId: string, consumer: types.Consumer): void {
    const track = consumer.track;
    const { remoteScreens, remoteStreams } = this.store.snapshot;
    if (consumer.appData.source === 'screen') {
      this.store.update({ remoteScreens: { ...remoteScreens, [participantId]: new MediaStream([track]) } });
      return;
    }
    const previous = remoteStreams[participantId];
    const stream = new MediaStream([...(previous?.getTracks().filter((t) => t.kind !== track.kind) ?? []), track]);
    this.store.update({ remoteStreams: { ...remoteStreams, [participantId]: stream } });
  }
}
