import { Device, type types } from 'mediasoup-client';
import type { CandidateReport, MediaFailureReport, NotificationMap, Participant, RequestMap } from '@shared/signalling/protocol';
import { finalCloseReason, type CallEndReason } from '@shared/signalling/protocol';
import { getMediaCapabilities } from '../api/get-media-capabilities';
import { SignallingRefusal, SignallingSocket } from '../api/signalling-socket';
import { dispatchNotification, NotificationHandlers } from '../api/notifications';
import { InboundStats, QualityWatch, readInbound } from './call-quality';
import { CallSnapshot, INITIAL_SNAPSHOT, withRemoteSource } from './call-state';
import { playChime } from './chime';
import { ConnectionPath, selectedPath } from './connection-path';

/** Camera sent in three simulcast layers; the SFU forwards each receiver the one that fits. */
const CAMERA_ENCODINGS: RTCRtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];
/**
 * NOTE: how long a transport may take from its DTLS start to 'connected'. A reachable SFU answers
 * in well under a second (TURN over TLS in two or three); past this, nobody should stare at a
 * black tile: the user is told and the engine starts again with new transports.
 */
export const MEDIA_CONNECT_TIMEOUT_MS = 8000;
/** Pauses before each new attempt while media cannot connect (the last one repeats). */
const MEDIA_RETRY_DELAYS_MS = [1000, 3000, 5000, 10_000];
/** The pause before attempt `attempt` (from 0): the list's entry, its last one repeating. */
const backoff = (delays: readonly number[], attempt: number): number => delays[Math.min(attempt, delays.length - 1)]!;
/** How long a join waits for the device being loaded beforehand before loading one itself. */
const DEVICE_WAIT_MS = 1000;

/** What the browser tried: the candidates on both sides and how many pairs were checked. */
async function describeFailure(transport: types.Transport, state: 'timeout' | 'failed'): Promise<MediaFailureReport> {
  const stats = await transport.getStats();
  const local: CandidateReport[] = [];
  const remote: CandidateReport[] = [];
  let pairs = 0;
  let succeededPairs = 0;
  stats.forEach((s: Record<string, unknown>) => {
    if (s.type === 'local-candidate' || s.type === 'remote-candidate') {
      const candidate = {
        type: String(s.candidateType ?? ''),
        protocol: String(s.protocol ?? ''),
        address: String(s.address ?? s.ip ?? ''),
        port: Number(s.port ?? 0),
      };
      (s.type === 'local-candidate' ? local : remote).push(candidate);
    } else if (s.type === 'candidate-pair') {
      pairs++;
      if (s.state === 'succeeded') succeededPairs++;
    }
  });
  return { transportId: transport.id, state, iceConnectionState: transport.connectionState, local: local.slice(0, 32), remote: remote.slice(0, 32), pairs, succeededPairs };
}

async function loadDevice(routerRtpCapabilities: types.RtpCapabilities): Promise<{ device: Device; capabilities: string }> {
  const device = await Device.factory();
  await device.load({ routerRtpCapabilities });
  return { device, capabilities: JSON.stringify(routerRtpCapabilities) };
}

type JoinAnswer = RequestMap['join']['res'];

const isCameraVideo = (consumer: types.Consumer) => consumer.kind === 'video' && consumer.appData.source !== 'screen';

/**
 * A participant's side of a consultation: signalling, mediasoup-client transports, local and
 * remote media. It reconnects by itself (socket drop, network change, worker crash) and exposes
 * immutable snapshots for the view.
 */
export class CallEngine {
  private snapshot: CallSnapshot = INITIAL_SNAPSHOT;
  private readonly listeners = new Set<() => void>();
  private socket: SignallingSocket | null = null;
  private send: types.Transport | null = null;
  private recv: types.Transport | null = null;
  private device: Device | null = null;
  /** A device loaded with the SFU's capabilities as they were when it was loaded (kept across reconnections). */
  private loadedDevice: Promise<{ device: Device; capabilities: string } | null> | null = null;
  private readonly producers = new Map<string, types.Producer>();
  private readonly consumers = new Map<string, types.Consumer>();
  private generation = 0;
  private attempts = 0;
  /** Consecutive attempts whose media did not connect (reset once a transport connects). */
  private mediaAttempts = 0;
  private readonly mediaTimers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private readonly qualityWatch = new QualityWatch();
  private pendingCapabilities: types.RtpCapabilities | null = null;
  private readonly renderedHeights = new Map<string, number>();
  private readonly waitingProducers: string[] = [];
  /** Producers consumed on the current receive transport: each is announced once, but may be listed too. */
  private readonly consumedProducers = new Set<string>();
  /** What each announced producer carries ('camera', 'microphone', 'screen'). */
  private readonly producerSources = new Map<string, string>();

  /** performance.now() when the last join was sent: the start of the join-time benchmark. */
  joinStartedAt: number | null = null;
  /** Milliseconds from the last join to each step of entering the media (diagnostics, benchmark). */
  readonly joinTimings = new Map<string, number>();

  constructor(private readonly consultationId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.snapshot;

  async start(): Promise<void> {
    // NOTE: the browser's capability probe (device loading) takes tens of milliseconds: it runs
    // while the camera opens, with the capabilities every router of the SFU has.
    this.loadedDevice = getMediaCapabilities()
      .then(({ routerRtpCapabilities }) => loadDevice(routerRtpCapabilities))
      .catch(() => null);
    const localStream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
      video: { width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    this.update({ localStream });
    this.connect();
    this.statsTimer = setInterval(() => void this.sampleStats(), 2000);
  }

  async leave(): Promise<void> {
    await this.socket?.request('leave', {}).catch(() => undefined);
    this.stop('left', 'ended');
  }

  /** Ends the call for everyone; if the server could not, the call goes on and the agent is told. */
  async endForEveryone(): Promise<void> {
    if (this.snapshot.endFailed) this.update({ endFailed: false });
    try {
      await this.socket?.request('end', {});
    } catch {
      this.update({ endFailed: true });
      return;
    }
    this.stop('ended', 'ended');
  }

  admit(participantId: string): Promise<unknown> {
    return this.socket!.request('admit', { participantId });
  }

  setMic(on: boolean): void {
    this.setProducerPaused('microphone', !on);
    this.update({ micOn: on });
  }

  setCamera(on: boolean): void {
    this.setProducerPaused('camera', !on || this.snapshot.audioOnly);
    this.update({ cameraOn: on });
  }

  /**
   * Audio only: our camera stops, and so does the camera video we receive, at the SFU and not only
   * on screen (it is what saves a weak link). A shared screen keeps coming: it is the document being
   * discussed, and the SFU already favours it when bandwidth is short. Resuming makes the SFU ask
   * the sender for a keyframe.
   */
  setAudioOnly(on: boolean, auto = false): void {
    if (on === this.snapshot.audioOnly) {
      if (this.snapshot.audioOnlyAuto !== (on && auto)) this.update({ audioOnlyAuto: on && auto });
      return;
    }
    this.setProducerPaused('camera', on || !this.snapshot.cameraOn);
    for (const consumer of this.consumers.values()) {
      if (!isCameraVideo(consumer)) continue;
      if (on) consumer.pause();
      else consumer.resume();
      void this.socket?.request(on ? 'pauseConsumer' : 'resumeConsumer', { consumerId: consumer.id }).catch(() => undefined);
    }
    this.update({ audioOnly: on, audioOnlyAuto: on && auto });
  }

  async shareScreen(): Promise<void> {
    if (!this.send || this.producers.has('screen')) return;
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true });
    const track = stream.getVideoTracks()[0]!;
    const producer = await this.send.produce({ track, appData: { source: 'screen' } });
    this.producers.set('screen', producer);
    track.addEventListener('ended', () => this.stopScreen());
    this.update({ sharingScreen: true });
  }

  stopScreen(): void {
    const producer = this.producers.get('screen');
    if (producer) {
      producer.track?.stop();
      producer.close();
      this.producers.delete('screen');
      // Closing it here only stops sending: the SFU must close it so the others drop the picture.
      void this.socket?.request('closeProducer', { producerId: producer.id }).catch(() => undefined);
    }
    this.update({ sharingScreen: false });
  }

  /**
   * The remote video of `participantId` is shown `height` CSS pixels high: ask for the smallest
   * simulcast layer that fills it (layers are 1/4, 1/2 and full resolution of up to 720p).
   */
  setRenderedHeight(participantId: string, height: number): void {
    const layer: 0 | 1 | 2 = height * devicePixelRatio <= 200 ? 0 : height * devicePixelRatio <= 400 ? 1 : 2;
    for (const consumer of this.consumers.values()) {
      if (consumer.kind !== 'video' || consumer.appData.participantId !== participantId || consumer.appData.layer === layer) continue;
      consumer.appData.layer = layer;
      void this.socket?.request('setPreferredLayer', { consumerId: consumer.id, spatialLayer: layer }).catch(() => undefined);
    }
    this.renderedHeights.set(participantId, height);
  }

  /** How each transport reaches the SFU (direct or TURN relay, UDP or TCP): diagnostics and tests. */
  async connectionPaths(): Promise<Array<ConnectionPath & { direction: 'send' | 'recv' }>> {
    const out: Array<ConnectionPath & { direction: 'send' | 'recv' }> = [];
    for (const [direction, transport] of [['send', this.send], ['recv', this.recv]] as const) {
      const path = transport ? selectedPath(await transport.getStats()) : null;
      if (path) out.push({ direction, ...path });
    }
    return out;
  }

  /** Inbound media counters, for the quality indicator, the facilitator's report and the tests. */
  async inboundStats(): Promise<InboundStats[]> {
    return this.recv ? readInbound(await this.recv.getStats()) : [];
  }

  /** Simulates a network cut of the signalling socket (diagnostics and tests). */
  dropSignalling(): void {
    this.socket?.close();
  }

  stop(reason: CallEndReason = 'left', status: 'ended' | 'refused' = 'ended'): void {
    this.stopped = true;
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.teardownMedia();
    this.socket?.close();
    this.snapshot.localStream?.getTracks().forEach((t) => t.stop());
    this.update({ status, reason, localStream: null, remoteStreams: {}, remoteScreens: {} });
  }

  private connect(): void {
    const socket = new SignallingSocket(
      { consultation: this.consultationId },
      (frame) => dispatchNotification(this.notifications, frame),
      (code) => this.onSocketClosed(socket, code),
    );
    this.socket = socket;
    void this.join();
  }

  private onSocketClosed(socket: SignallingSocket, code: number): void {
    if (this.stopped || socket !== this.socket) return;
    const final = finalCloseReason(code);
    if (final === 'ended') return this.stop('ended', 'ended');
    if (final) return this.stop(final, 'refused');
    // Anything else is a network problem: come back by ourselves.
    this.update({ status: 'reconnecting' });
    const delay = backoff(RECONNECT_DELAYS_MS, this.attempts++);
    setTimeout(() => !this.stopped && this.connect(), delay);
  }

  private async join(): Promise<void> {
    const generation = ++this.generation;
    this.teardownMedia();
    this.joinStartedAt = performance.now();
    this.joinTimings.clear();
    try {
      const joined = await this.socket!.request('join', {});
      if (generation !== this.generation) return;
      this.mark('joined');
      this.attempts = 0;
      this.update({ self: joined.self, participants: joined.participants, status: joined.self.phase === 'call' ? 'call' : 'lobby' });
      if (joined.self.phase === 'call') await this.enterMedia(generation, joined.routerRtpCapabilities, joined.transports);
      else this.pendingCapabilities = joined.routerRtpCapabilities;
    } catch (error) {
      if (error instanceof SignallingRefusal && error.code === 'DISCONNECTED') return; // the socket's own reconnection takes over
      console.warn('join failed', error);
      // E.g. right after a worker crash, before its replacement is up: try again on the same socket.
      if (generation !== this.generation || this.stopped) return;
      this.update({ status: 'reconnecting' });
      const socket = this.socket;
      const delay = backoff(RECONNECT_DELAYS_MS, this.attempts++);
      setTimeout(() => !this.stopped && socket === this.socket && generation === this.generation && void this.join(), delay);
    }
  }

  private async enterMedia(generation: number, routerRtpCapabilities: types.RtpCapabilities, given?: JoinAnswer['transports']): Promise<void> {
    const socket = this.socket!;
    // NOTE: both transports are asked for while the device loads (the browser's capability probe
    // takes tens of milliseconds): the server needs nothing from the device to create them.
    // Receiving first: the remote picture depends only on the receive path, so its transport, and
    // then the consumers it announces, come before our own producing (requests are served in order).
    // Straight into the call, the join's answer brought them already.
    const recvRequest = given ? Promise.resolve(given.recv) : socket.request('createTransport', { direction: 'recv' });
    const sendRequest = given ? Promise.resolve(given.send) : socket.request('createTransport', { direction: 'send' });
    // An abandoned attempt must not leave a rejection unobserved.
    for (const request of [recvRequest, sendRequest]) request.catch(() => undefined);
    const device = await this.deviceFor(routerRtpCapabilities);
    if (generation !== this.generation) return;
    this.device = device;
    this.mark('deviceLoaded');

    const { producers: present, ...recvOptions } = await recvRequest;
    if (generation !== this.generation) return;
    const recv = device.createRecvTransport(recvOptions);
    this.recv = recv;
    this.mark('recvTransportCreated');
    recv.on('connect', ({ dtlsParameters }, ok, fail) => void socket.request('connectTransport', { transportId: recv.id, dtlsParameters }).then(() => ok(), fail));
    recv.on('connectionstatechange', (state) => state === 'connected' && this.mark('recvConnected'));
    this.watchIce(recv, socket, generation);
    for (const producer of present) this.onAnnounced(producer);
    // NOTE: what the others send is consumed and resumed before we start sending: on the socket's
    // queue and in the browser, our own producing (simulcast encoders starting) would otherwise
    // compete with the remote picture's first keyframe. Ours follows a few tens of ms later.
    await this.consumeAll([...present.map((p) => p.producerId), ...this.waitingProducers.splice(0)]);
    if (generation !== this.generation) return;

    const sendOptions = await sendRequest;
    if (generation !== this.generation) return;
    const send = device.createSendTransport(sendOptions);
    this.send = send;
    send.on('connect', ({ dtlsParameters }, ok, fail) => void socket.request('connectTransport', { transportId: send.id, dtlsParameters }).then(() => ok(), fail));
    send.on('produce', ({ kind, rtpParameters, appData }, ok, fail) => {
      const source = (appData as { source: 'camera' | 'microphone' | 'screen' }).source;
      void socket.request('produce', { transportId: send.id, kind, rtpParameters, source }).then(({ producerId }) => ok({ id: producerId }), fail);
    });
    this.watchIce(send, socket, generation);

    const local = this.snapshot.localStream!;
    const audio = local.getAudioTracks()[0];
    const video = local.getVideoTracks()[0];
    // NOTE: stopTracks false: the engine owns the capture, which must outlive transports torn down
    // by a reconnection (mediasoup-client would otherwise end the camera and microphone tracks).
    if (audio) {
      // NOTE: audio first: the browser serves its bitrate before video's, and marks its packets for
      // expedited forwarding (DSCP EF) where managed networks honour it.
      const producer = await send.produce({
        track: audio,
        stopTracks: false,
        encodings: [{ priority: 'high', networkPriority: 'high' }],
        codecOptions: { opusDtx: true, opusFec: true },
        appData: { source: 'microphone' },
      });
      this.producers.set('microphone', producer);
    }
    if (video) {
      const producer = await send.produce({ track: video, stopTracks: false, encodings: CAMERA_ENCODINGS, appData: { source: 'camera' } });
      this.producers.set('camera', producer);
    }
    if (generation !== this.generation) return;
    this.setMic(this.snapshot.micOn);
    this.setCamera(this.snapshot.cameraOn);
    this.update({ status: 'call' });
  }

  /** The device loaded beforehand if it has exactly these capabilities (it does unless the SFU changed), else a new one. */
  private async deviceFor(routerRtpCapabilities: types.RtpCapabilities): Promise<Device> {
    const capabilities = JSON.stringify(routerRtpCapabilities);
    // A capabilities request stalled on a weak link must not hold back a join already answered.
    const loaded = await Promise.race([this.loadedDevice, new Promise<null>((r) => setTimeout(() => r(null), DEVICE_WAIT_MS))]);
    if (loaded && loaded.capabilities === capabilities) return loaded.device;
    const fresh = loadDevice(routerRtpCapabilities);
    this.loadedDevice = fresh.catch(() => null);
    return (await fresh).device;
  }

  /**
   * NOTE: a network change (Wi-Fi to 4G, new IP) shows as ICE 'disconnected': restart ICE at once,
   * and again if it fails; a transport that worked comes back that way once the network does.
   * One that never connected is another story (media ports blocked, a wrong media address): it gets
   * MEDIA_CONNECT_TIMEOUT_MS from its start (its DTLS 'connect', i.e. its first produce or consume);
   * past that, or when it fails first, the failure is reported and the engine tries again with new
   * transports. Either way, past that time the user is told.
   */
  private watchIce(transport: types.Transport, socket: SignallingSocket, generation: number): void {
    let everConnected = false;
    let deadline: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      if (deadline) return;
      deadline = setTimeout(() => {
        this.mediaTimers.delete(deadline!);
        deadline = null;
        if (transport.connectionState === 'connected' || transport.closed) return;
        if (everConnected) this.update({ mediaProblem: 'unreachable' });
        else void this.onMediaStuck(transport, socket, generation, 'timeout');
      }, MEDIA_CONNECT_TIMEOUT_MS);
      this.mediaTimers.add(deadline);
    };
    const disarm = () => {
      if (!deadline) return;
      clearTimeout(deadline);
      this.mediaTimers.delete(deadline);
      deadline = null;
    };
    transport.on('connect', () => arm());
    transport.on('connectionstatechange', (state) => {
      if (state === 'connected') {
        disarm();
        everConnected = true;
        this.mediaAttempts = 0;
        if (this.snapshot.mediaProblem) this.update({ mediaProblem: null });
      } else if (state === 'disconnected' || (state === 'failed' && everConnected)) {
        arm();
        void this.restartIce(transport, socket).catch(() => undefined);
      } else if (state === 'failed') {
        disarm();
        void this.onMediaStuck(transport, socket, generation, 'failed');
      }
    });
  }

  /** Tells the user and the server (with the candidates tried), then starts again with new transports. */
  private async onMediaStuck(transport: types.Transport, socket: SignallingSocket, generation: number, state: 'timeout' | 'failed'): Promise<void> {
    if (this.stopped || generation !== this.generation || transport.closed) return;
    this.update({ mediaProblem: 'unreachable' });
    const report = await describeFailure(transport, state).catch(() => null);
    if (report) void socket.request('reportMediaFailure', report).catch(() => undefined);
    if (this.stopped || generation !== this.generation) return;
    const delay = backoff(MEDIA_RETRY_DELAYS_MS, this.mediaAttempts++);
    const timer = setTimeout(() => {
      this.mediaTimers.delete(timer);
      if (!this.stopped && generation === this.generation && socket === this.socket) void this.join();
    }, delay);
    this.mediaTimers.add(timer);
  }

  /** New ICE credentials from the SFU, then a new ICE negotiation on the same transport. */
  private async restartIce(transport: types.Transport, socket: SignallingSocket): Promise<void> {
    const { iceParameters } = await socket.request('restartIce', { transportId: transport.id });
    await transport.restartIce({ iceParameters });
  }

  /** Restarts ICE on both transports, as a network change does (diagnostics and tests). */
  async restartIceNow(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    await Promise.all([this.send, this.recv].filter((t): t is types.Transport => t !== null).map((t) => this.restartIce(t, socket)));
  }

  /** Consumes each of these producers once per receive transport (one may be listed and announced). */
  private async consumeAll(producerIds: string[]): Promise<void> {
    const recv = this.recv;
    const device = this.device;
    const socket = this.socket;
    if (!recv || !device || !socket) return;
    const fresh = producerIds.filter((id) => !this.consumedProducers.has(id));
    for (const producerId of fresh) this.consumedProducers.add(producerId);
    await Promise.all(fresh.map((producerId) => this.consume(recv, device, socket, producerId).catch((e: unknown) => console.warn('consume failed', e))));
  }

  private async consume(recv: types.Transport, device: Device, socket: SignallingSocket, producerId: string): Promise<void> {
    const params = await socket.request('consume', { producerId, rtpCapabilities: device.rtpCapabilities });
    if (recv !== this.recv) return;
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
    consumer.appData.source = this.producerSources.get(producerId) ?? params.kind;
    this.attachRemote(params.participantId, consumer);
    this.mark(`consumed:${consumer.kind}`);
    // In audio-only mode a new camera consumer stays paused at the SFU until the mode ends.
    if (isCameraVideo(consumer) && this.snapshot.audioOnly) consumer.pause();
    else {
      await (resumed ?? socket.request('resumeConsumer', { consumerId: consumer.id }));
      this.mark(`resumed:${consumer.kind}`);
    }
    const height = this.renderedHeights.get(params.participantId);
    if (height !== undefined) this.setRenderedHeight(params.participantId, height);
  }

  /** What each notification does to the call (dispatched by dispatchNotification). */
  private readonly notifications: NotificationHandlers = {
    participantJoined: (p) => this.upsertParticipant(p),
    participantUpdated: (p) => this.upsertParticipant(p),
    participantLeft: ({ participantId }) => {
      const remoteStreams = { ...this.snapshot.remoteStreams };
      delete remoteStreams[participantId];
      const remoteMedia = { ...this.snapshot.remoteMedia };
      delete remoteMedia[participantId];
      const remoteScreens = { ...this.snapshot.remoteScreens };
      delete remoteScreens[participantId];
      this.update({ participants: this.snapshot.participants.filter((x) => x.id !== participantId), remoteStreams, remoteMedia, remoteScreens });
    },
    lobbyWaiting: () => playChime(),
    admitted: ({ self }) => {
      this.update({ self });
      if (this.pendingCapabilities) void this.enterMedia(this.generation, this.pendingCapabilities);
    },
    newProducer: (producer) => {
      this.onAnnounced(producer);
      // Announced before our receive transport exists (it is being created): consumed with it.
      if (!this.recv) this.waitingProducers.push(producer.producerId);
      else void this.consumeAll([producer.producerId]);
    },
    producerPaused: (paused) => this.onRemotePaused(paused),
    consumerClosed: ({ consumerId }) => this.dropConsumer(consumerId),
    closed: ({ reason, reconnect }) => {
      if (reconnect) {
        this.update({ status: 'reconnecting' });
        setTimeout(() => !this.stopped && void this.join(), 300);
      } else this.stop(reason, 'ended');
    },
  };

  private upsertParticipant(p: Participant): void {
    this.update({ participants: [...this.snapshot.participants.filter((x) => x.id !== p.id), p] });
  }

  private onRemotePaused({ participantId, source, paused }: { participantId: string; source: string; paused: boolean }): void {
    const remoteMedia = withRemoteSource(this.snapshot.remoteMedia, participantId, source, paused);
    if (remoteMedia !== this.snapshot.remoteMedia) this.update({ remoteMedia });
  }

  private onAnnounced(producer: NotificationMap['newProducer']): void {
    this.producerSources.set(producer.producerId, producer.source);
    this.onRemotePaused(producer);
  }

  /**
   * NOTE: a shared screen is a stream of its own, beside the camera's: it must neither replace the
   * camera's video nor take it away when the sharing stops.
   */
  private attachRemote(participantId: string, consumer: types.Consumer): void {
    const track = consumer.track;
    if (consumer.appData.source === 'screen') {
      this.update({ remoteScreens: { ...this.snapshot.remoteScreens, [participantId]: new MediaStream([track]) } });
      return;
    }
    const previous = this.snapshot.remoteStreams[participantId];
    const stream = new MediaStream([...(previous?.getTracks().filter((t) => t.kind !== track.kind) ?? []), track]);
    this.update({ remoteStreams: { ...this.snapshot.remoteStreams, [participantId]: stream } });
  }

  private dropConsumer(consumerId: string): void {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) return;
    this.consumers.delete(consumerId);
    consumer.close();
    const participantId = String(consumer.appData.participantId);
    if (consumer.appData.source === 'screen') {
      const remoteScreens = { ...this.snapshot.remoteScreens };
      delete remoteScreens[participantId];
      this.update({ remoteScreens });
      return;
    }
    const stream = this.snapshot.remoteStreams[participantId];
    if (stream) {
      const rest = stream.getTracks().filter((t) => t !== consumer.track);
      this.update({ remoteStreams: { ...this.snapshot.remoteStreams, [participantId]: new MediaStream(rest) } });
    }
  }

  private setProducerPaused(source: string, paused: boolean): void {
    const producer = this.producers.get(source);
    if (!producer || producer.paused === paused) return;
    if (paused) producer.pause();
    else producer.resume();
    void this.socket?.request('pauseProducer', { producerId: producer.id, paused }).catch(() => undefined);
  }

  private teardownMedia(): void {
    for (const timer of this.mediaTimers) clearTimeout(timer);
    this.mediaTimers.clear();
    for (const producer of this.producers.values()) if (producer.appData.source === 'screen') producer.track?.stop();
    this.producers.clear();
    this.consumers.clear();
    this.send?.close();
    this.recv?.close();
    this.send = null;
    this.recv = null;
    this.device = null;
    this.pendingCapabilities = null;
    this.waitingProducers.length = 0;
    this.consumedProducers.clear();
    this.producerSources.clear();
    // Producers are announced again, with their paused state, after the next join.
    const { remoteStreams, remoteMedia, remoteScreens } = this.snapshot;
    if ([remoteStreams, remoteMedia, remoteScreens].some((m) => Object.keys(m).length > 0)) {
      this.update({ remoteStreams: {}, remoteMedia: {}, remoteScreens: {} });
    }
  }

  private async sampleStats(): Promise<void> {
    if (!this.send || this.snapshot.status !== 'call') return;
    const path = selectedPath(await this.send.getStats());
    const { quality, audioOnly } = this.qualityWatch.sample(path, await this.inboundStats(), this.snapshot.audioOnly, this.snapshot.audioOnlyAuto);
    this.update({ quality });
    // Automatic audio-only when bandwidth collapses, undone when it comes back.
    if (audioOnly !== null) this.setAudioOnly(audioOnly, audioOnly);
  }

  /** Records the first time a step is reached after the last join. */
  private mark(step: string): void {
    if (this.joinStartedAt !== null && !this.joinTimings.has(step)) this.joinTimings.set(step, Math.round(performance.now() - this.joinStartedAt));
  }

  private update(patch: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
