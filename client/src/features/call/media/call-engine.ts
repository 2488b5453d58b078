import { Device, type types } from 'mediasoup-client';
import type { Participant, RequestMap } from '@shared/signalling/protocol';
import type { CallEndReason } from '@shared/signalling/protocol';
import { getMediaCapabilities } from '../api/get-media-capabilities';
import { SignallingRefusal, SignallingSocket } from '../api/signalling-socket';
import { SignallingSession } from './signalling-session';
import { dispatchNotification, NotificationHandlers } from '../api/notifications';
import { QualityWatch, readInbound } from './call-quality';
import { CallSnapshot } from './call-state';
import { ChatChannel, type ChatSendError } from './chat-channel';
import { CallStore } from './call-store';
import { playChime } from '../../../lib/chime';
import { holdStream } from '../../../lib/page-resources';
import { selectedPath } from './connection-path';
import { LocalMedia } from './local-media';
import { ReceivePath, RemoteMedia } from './remote-media';
import { restartIce, TransportWatch } from './transport-watch';

/** How long a join waits for the device being loaded beforehand before loading one itself. */
const DEVICE_WAIT_MS = 1000;

async function loadDevice(routerRtpCapabilities: types.RtpCapabilities): Promise<{ device: Device; capabilities: string }> {
  const device = await Device.factory();
  await device.load({ routerRtpCapabilities });
  return { device, capabilities: JSON.stringify(routerRtpCapabilities) };
}

type JoinAnswer = RequestMap['join']['res'];

/** The Network Information API where the browser has it (Chromium): it tells when the link changes. */
const networkInformation = (): (EventTarget & { type?: string; effectiveType?: string }) | undefined =>
  (navigator as Navigator & { connection?: EventTarget & { type?: string; effectiveType?: string } }).connection;
/** The kind of link (wifi, cellular…); its 'change' event also fires when mere estimates move. */
const linkKind = (): string => {
  const link = networkInformation();
  return `${link?.type ?? ''}/${link?.effectiveType ?? ''}`;
};

/**
 * A participant's side of a consultation: signalling, mediasoup-client transports, local and
 * remote media. It reconnects by itself (socket drop, network change, worker crash) and exposes
 * immutable snapshots for the view.
 */
export class CallEngine {
  private readonly store = new CallStore();
  private readonly remote = new RemoteMedia(this.store, (step) => this.mark(step));
  private readonly local = new LocalMedia();
  private readonly session: SignallingSession;
  private send: types.Transport | null = null;
  private recv: types.Transport | null = null;
  private device: Device | null = null;
  /** A device loaded with the SFU's capabilities as they were when it was loaded (kept across reconnections). */
  private loadedDevice: Promise<{ device: Device; capabilities: string } | null> | null = null;
  private readonly transports = new TransportWatch({
    problem: (mediaProblem) => {
      if (this.snapshot.mediaProblem !== mediaProblem) this.update({ mediaProblem });
    },
    retry: () => void this.join(),
  });
  private generation = 0;
  private stopped = false;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private readonly qualityWatch = new QualityWatch();
  private pendingCapabilities: types.RtpCapabilities | null = null;
  private readonly chat = new ChatChannel({
    // Only once joined on it: a message written while reconnecting waits for the next join.
    socket: () => (this.snapshot.status === 'lobby' || this.snapshot.status === 'call' ? this.socket : null),
    state: () => this.snapshot.chat,
    update: (chat) => this.update({ chat }),
  });

  /** Steps of entering the media already marked since the last join (each is marked once). */
  private readonly marked = new Set<string>();
  private readonly onNetworkChange = () => void this.restartIce();
  /**
   * The system says the network is gone (cable out, Wi-Fi lost): the signalling socket is dead even
   * if nothing has noticed yet. Dropping it shows « reconnexion » at once and starts the reconnection
   * loop, which gets through as soon as the network is back.
   */
  private readonly onOffline = () => this.session.drop();
  private link = '';
  /** Only a new kind of link is a network change: bandwidth and round-trip estimates move all the time. */
  private readonly onLinkChange = () => {
    const now = linkKind();
    if (now === this.link) return;
    this.link = now;
    this.onNetworkChange();
  };

  constructor(consultationId: string) {
    this.session = new SignallingSession(consultationId, {
      notification: (frame) => dispatchNotification(this.notifications, frame),
      connected: () => void this.join(),
      reconnecting: () => this.update({ status: 'reconnecting' }),
      closedForGood: (reason) => (reason === 'ended' ? this.stop('ended', 'ended') : this.stop(reason, 'refused')),
    });
  }

  /** The signalling socket of the moment. */
  private get socket(): SignallingSocket | null {
    return this.session.current;
  }

  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;

  private get snapshot(): CallSnapshot {
    return this.store.snapshot;
  }

  async start(): Promise<void> {
    // NOTE: the browser's capability probe (device loading) takes tens of milliseconds: it runs
    // while the camera opens, with the capabilities every router of the SFU has.
    this.loadedDevice = getMediaCapabilities()
      .then(({ routerRtpCapabilities }) => loadDevice(routerRtpCapabilities))
      .catch(() => null);
    const localStream = holdStream(
      await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true },
        video: { width: { ideal: 1280 }, height: { ideal: 720 } },
      }),
    );
    this.update({ localStream });
    this.session.open();
    this.statsTimer = setInterval(() => void this.sampleStats(), 2000);
    // A network change (Wi-Fi to 4G, a cable plugged back) is met with an ICE restart at once,
    // before the transports notice by themselves.
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onOffline);
    this.link = linkKind();
    networkInformation()?.addEventListener('change', this.onLinkChange);
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

  /** Sends a chat message (queued while reconnecting); resolves with why not, or null. */
  sendChat(text: string): Promise<ChatSendError | null> {
    return this.chat.send(text);
  }

  admit(participantId: string): Promise<unknown> {
    return this.socket!.request('admit', { participantId });
  }

  setMic(on: boolean): void {
    this.local.setPaused(this.socket, 'microphone', !on);
    this.update({ micOn: on });
  }

  setCamera(on: boolean): void {
    this.local.setPaused(this.socket, 'camera', !on || this.snapshot.audioOnly);
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
    this.local.setPaused(this.socket, 'camera', on || !this.snapshot.cameraOn);
    this.remote.setCameraVideoPaused(this.socket, on);
    this.update({ audioOnly: on, audioOnlyAuto: on && auto });
    // The server counts the calls that fell back to audio only (statistics): only the automatic switch, never a choice.
    if (on && auto) void this.socket?.request('reportCallEvent', { kind: 'audio_only_fallback' }).catch(() => undefined);
  }

  async shareScreen(): Promise<void> {
    if (!this.send || this.local.sharingScreen) return;
    await this.local.shareScreen(this.send, () => this.stopScreen());
    this.update({ sharingScreen: true });
  }

  stopScreen(): void {
    this.local.stopScreen(this.socket);
    this.update({ sharingScreen: false });
  }

  /** The remote video of `participantId` is shown `height` CSS pixels high (simulcast layer choice). */
  setRenderedHeight(participantId: string, height: number): void {
    this.remote.setRenderedHeight(this.socket, participantId, height);
  }

  stop(reason: CallEndReason = 'left', status: 'ended' | 'refused' = 'ended'): void {
    this.stopped = true;
    if (this.statsTimer) clearInterval(this.statsTimer);
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onOffline);
    networkInformation()?.removeEventListener('change', this.onLinkChange);
    this.teardownMedia();
    this.session.stop();
    this.snapshot.localStream?.getTracks().forEach((t) => t.stop());
    this.update({ status, reason, localStream: null, remoteStreams: {}, remoteScreens: {} });
  }

  private async join(): Promise<void> {
    const generation = ++this.generation;
    this.teardownMedia();
    this.marked.clear();
    this.mark('join');
    try {
      const joined = await this.socket!.request('join', {});
      if (generation !== this.generation) return;
      this.mark('joined');
      this.session.joined();
      this.update({
        self: joined.self,
        participants: joined.participants,
        status: joined.self.phase === 'call' ? 'call' : 'lobby',
        documentsVersion: this.snapshot.documentsVersion + 1,
        supportVersion: this.snapshot.supportVersion + 1,
      });
      const socket = this.socket!;
      const media = joined.self.phase === 'call' ? this.enterMedia(generation, joined.routerRtpCapabilities, joined.transports) : Promise.resolve();
      if (joined.self.phase !== 'call') this.pendingCapabilities = joined.routerRtpCapabilities;
      // NOTE: the chat's history is asked for once the media requests are on their way (they are
      // served in order): the picture first, then what was written meanwhile.
      void media
        .catch(() => undefined)
        .then(() => (generation === this.generation ? this.chat.joined(socket) : undefined));
      await media;
    } catch (error) {
      if (error instanceof SignallingRefusal && error.code === 'DISCONNECTED') return; // the socket's own reconnection takes over
      console.warn('join failed', error);
      // E.g. right after a worker crash, before its replacement is up: try again on the same socket.
      if (generation !== this.generation || this.stopped) return;
      this.update({ status: 'reconnecting' });
      const socket = this.socket;
      const delay = this.session.nextDelay();
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
    this.transports.watch(recv, socket, this.isCurrent(socket, generation));
    for (const producer of present) this.remote.announced(producer);
    // NOTE: what the others send is consumed and resumed before we start sending: on the socket's
    // queue and in the browser, our own producing (simulcast encoders starting) would otherwise
    // compete with the remote picture's first keyframe. Ours follows a few tens of ms later.
    await this.remote.consumeAll(this.receivePath(), [...present.map((p) => p.producerId), ...this.remote.takeWaiting()]);
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
    this.transports.watch(send, socket, this.isCurrent(socket, generation));

    await this.local.produce(send, this.snapshot.localStream!);
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

  /** Whether an attempt (this socket, this join) is still the call's current one. */
  private isCurrent(socket: SignallingSocket, generation: number): () => boolean {
    return () => !this.stopped && generation === this.generation && socket === this.socket;
  }

  /** New ICE credentials and a new negotiation on both transports (a network change). */
  private async restartIce(): Promise<void> {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    await Promise.all([this.send, this.recv].filter((t): t is types.Transport => t !== null).map((t) => restartIce(t, socket).catch(() => undefined)));
  }

  private receivePath(): ReceivePath | null {
    return this.recv && this.device && this.socket ? { recv: this.recv, device: this.device, socket: this.socket } : null;
  }

  /** What each notification does to the call (dispatched by dispatchNotification). */
  private readonly notifications: NotificationHandlers = {
    participantJoined: (p) => {
      this.upsertParticipant(p);
      if (this.snapshot.departed) this.update({ departed: null });
    },
    participantUpdated: (p) => this.upsertParticipant(p),
    participantLeft: ({ participantId, reason }) => {
      const who = this.snapshot.participants.find((p) => p.id === participantId);
      this.remote.left(participantId);
      if (who) this.update({ departed: { name: who.displayName, reason } });
    },
    lobbyWaiting: () => playChime(),
    admitted: ({ self }) => {
      this.update({ self });
      if (this.pendingCapabilities) void this.enterMedia(this.generation, this.pendingCapabilities);
    },
    newProducer: (producer) => {
      this.remote.announced(producer);
      // Announced before our receive transport exists (it is being created): consumed with it.
      if (!this.recv) this.remote.wait(producer.producerId);
      else void this.remote.consumeAll(this.receivePath(), [producer.producerId]);
    },
    producerPaused: (paused) => this.remote.paused(paused),
    consumerClosed: ({ consumerId }) => this.remote.drop(consumerId),
    chatMessage: (message) => this.chat.received(message),
    documentChanged: () => this.update({ documentsVersion: this.snapshot.documentsVersion + 1 }),
    supportChanged: ({ message }) => this.update({ supportVersion: this.snapshot.supportVersion + 1, deskMessage: message ?? this.snapshot.deskMessage }),
    lobbyStatus: (lobbyStatus) => this.update({ lobbyStatus }),
    boothMessage: (boothMessage) => this.update({ boothMessage }),
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

  private teardownMedia(): void {
    this.transports.clear();
    this.local.reset();
    this.send?.close();
    this.recv?.close();
    this.send = null;
    this.recv = null;
    this.device = null;
    this.pendingCapabilities = null;
    // Producers are announced again, with their paused state, after the next join.
    this.remote.reset();
  }

  private async sampleStats(): Promise<void> {
    if (!this.send || this.snapshot.status !== 'call') return;
    const path = selectedPath(await this.send.getStats());
    const inbound = this.recv ? readInbound(await this.recv.getStats()) : [];
    const { quality, audioOnly } = this.qualityWatch.sample(path, inbound, this.snapshot.audioOnly, this.snapshot.audioOnlyAuto);
    this.update({ quality });
    // Automatic audio-only when bandwidth collapses, undone when it comes back.
    if (audioOnly !== null) this.setAudioOnly(audioOnly, audioOnly);
  }

  /**
   * The first time a step of entering the media is reached after the last join, as a User Timing
   * mark ('visio:join', 'visio:consumed:video'…): the browser's own performance timeline shows them
   * (DevTools, the join-time benchmark), nothing else keeps them.
   */
  private mark(step: string): void {
    if (this.marked.has(step)) return;
    this.marked.add(step);
    performance.mark(`visio:${step}`);
  }

  private update(patch: Partial<CallSnapshot>): void {
    this.store.update(patch);
  }
}
