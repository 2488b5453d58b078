import type { types } from 'mediasoup';
import { isReconnectable, Peer, Room, RoomRegistry, TransportDiagnostics } from '../../../media/src';
import { CallAccess } from './call-access.service';
import { SignallingConnection } from './connection';
import {
  CallEventKind,
  CLOSE_CODES,
  LeaveReason,
  MEDIA_SOURCES,
  MediaFailureReport,
  MediaProblem,
  MediaSource,
  NotificationMap,
  Participant,
  Phase,
} from '../../../shared/signalling/protocol';
import { SignallingError } from './signalling-error';
import type { CallQualityEvent, QualitySource, RoleQuality } from './call-quality/call-quality-event';
import { connectFailureOf } from './call-quality/connect-failure';

export interface Member {
  access: CallAccess;
  connection: SignallingConnection;
  phase: Phase;
  peer: Peer | null;
  /** Set when the socket dropped: the member is removed unless it comes back before. */
  dropTimer: NodeJS.Timeout | null;
  mediaProblem: MediaProblem | null;
  /** When the member entered the lobby (kept across a reconnection); null once in the call. */
  waitingSince: Date | null;
}

/** What the call tells the rest of the server: the consultation's life and media failures to log. */
export interface CallHooks {
  /** Nobody is left (the registry forgets the call). */
  onEmpty(call: Call): void;
  /** Someone was admitted: the consultation is under way. */
  onAdmitted?(call: Call): void;
  /** The agent ends the call: awaited before anyone is told, so nobody can come back into it. */
  onEnding?(call: Call): Promise<void>;
  /** Someone entered the lobby or the call (phase), or left it (null): the desk follows. */
  onPresence?(call: Call, access: CallAccess, phase: Phase | null): void;
  /** A participant's media could not connect, as its browser reports it or as the SFU saw DTLS fail. */
  onMediaFailure?(call: Call, member: Member, failure: { report?: MediaFailureReport; server?: TransportDiagnostics }): void;
  /** Something that counts for the call's quality record (call-quality/): joins, failures, first media… */
  onQuality?(call: Call, event: CallQualityEvent): void;
}

/** Producers are made with a validated source; one without is taken for the usual one of its kind. */
const sourceOf = (producer: types.Producer): MediaSource => {
  const source = (producer.appData as { source?: unknown }).source;
  return MEDIA_SOURCES.find((s) => s === source) ?? (producer.kind === 'audio' ? 'microphone' : 'camera');
};

/** What participants are told about a producer they can consume. */
function announcement(participantId: string, producer: types.Producer): NotificationMap['newProducer'] {
  return { producerId: producer.id, participantId, kind: producer.kind, source: sourceOf(producer), paused: producer.paused };
}

/** How long a dropped participant keeps its place (and its media) before it counts as gone. */
export const RESUME_GRACE_MS = 30_000;

/**
 * The signalling state of one consultation: who is here, in the lobby or in the call, and the media
 * room. Participants admitted once stay admitted, so a reconnection or a worker crash brings them
 * straight back into the call without asking the agent again.
 */
export class Call implements QualitySource {
  private readonly members = new Map<string, Member>();
  private readonly admitted = new Set<string>();
  private room: Room | null = null;

  constructor(
    readonly consultationId: string,
    private readonly rooms: RoomRegistry,
    private readonly hooks: CallHooks,
    private readonly options: { graceMs: number; admitAll: boolean } = { graceMs: RESUME_GRACE_MS, admitAll: false },
  ) {}

  member(connection: SignallingConnection): Member | undefined {
    return [...this.members.values()].find((m) => m.connection === connection);
  }

  async join(access: CallAccess, connection: SignallingConnection, displayName?: string) {
    const previous = this.members.get(access.participantId);
    if (previous?.dropTimer) clearTimeout(previous.dropTimer);
    if (previous && previous.connection !== connection) previous.connection.close(CLOSE_CODES.replaced, 'Replaced by a new connection');
    const phase: Phase = access.role === 'agent' || this.options.admitAll || this.admitted.has(access.participantId) ? 'call' : 'lobby';
    const member: Member = {
      access: displayName ? { ...access, displayName } : access,
      connection,
      phase,
      peer: null,
      dropTimer: null,
      // A rejoin to retry failed media is still failing until its new transports connect.
      mediaProblem: previous?.mediaProblem ?? null,
      waitingSince: phase === 'lobby' ? (previous?.waitingSince ?? new Date()) : null,
    };
    this.members.set(access.participantId, member);
    this.quality({ type: 'joined', participantId: access.participantId, role: access.role, phase });
    if (previous?.phase !== phase) this.hooks.onPresence?.(this, member.access, phase);
    const room = await this.ensureRoom();
    if (phase === 'call') this.admitted.add(access.participantId);

    const self = this.describe(member);
    this.broadcast(previous ? 'participantUpdated' : 'participantJoined', self, member);
    if (phase === 'lobby') for (const agent of this.agents()) agent.connection.notify('lobbyWaiting', { participant: self });
    return { self, participants: this.othersThan(access.participantId), routerRtpCapabilities: room.rtpCapabilities };
  }

  /**
   * Everyone else in the call, as things stand now. NOTE: a join answered after further awaits
   * (its transports) must list them again: someone who joined meanwhile was already notified to
   * this member, and the client takes the answer's list as the truth.
   */
  othersThan(participantId: string): Participant[] {
    return [...this.members.values()].filter((m) => m.access.participantId !== participantId).map((m) => this.describe(m));
  }

  /** Media requests go through here: only admitted members have a peer. */
  peerOf(member: Member): { room: Room; peer: Peer } {
    if (member.phase !== 'call') throw new SignallingError('NOT_ADMITTED', 'Wait until the agent lets you in.');
    if (!this.room || this.room.closed) throw new SignallingError('ROOM_CLOSED', 'The call is restarting; join again.');
    // The peer is created on the first media request, after admission or after a rejoin.
    if (!member.peer || member.peer.closed) {
      member.peer = this.room.join({ id: member.access.participantId, role: member.access.role, displayName: member.access.displayName });
    }
    return { room: this.room, peer: member.peer };
  }

  /** Producers the member should consume now that it is in the call. */
  existingProducers(member: Member): NotificationMap['newProducer'][] {
    if (!this.room) return [];
    return this.room
      .listPeers()
      .filter((p) => p.id !== member.access.participantId)
      .flatMap((p) =>
        [...p.producers.values()].map((producer) => announcement(p.id, producer)),
      );
  }

  admit(by: Member, participantId: string): void {
    if (by.access.role !== 'agent') throw new SignallingError('FORBIDDEN', 'Only the agent admits participants.');
    const target = this.members.get(participantId);
    if (!target || target.phase !== 'lobby') throw new SignallingError('NOT_FOUND', 'Nobody with this id is waiting.');
    target.phase = 'call';
    target.waitingSince = null;
    this.admitted.add(participantId);
    this.hooks.onPresence?.(this, target.access, 'call');
    const self = this.describe(target);
    target.connection.notify('admitted', { self });
    this.broadcast('participantUpdated', self, target);
    this.quality({ type: 'admitted', participantId });
    this.hooks.onAdmitted?.(this);
  }

  /** The member's browser could not connect its media: logged, and the others see who is affected. */
  mediaFailed(member: Member, report: MediaFailureReport): void {
    const server = member.peer && !member.peer.closed ? this.room?.diagnose(member.peer, report.transportId) : undefined;
    this.hooks.onMediaFailure?.(this, member, { report, server });
    const reason = connectFailureOf({ report, server });
    if (reason) this.quality({ type: 'failure', reason });
    this.setMediaProblem(member, 'unreachable');
  }

  /** The member's transport got new ICE credentials (its network changed or dropped). */
  iceRestarted(member: Member): void {
    this.quality({ type: 'iceRestart', role: member.access.role });
  }

  /** What the member's browser decided about its own media (e.g. audio only by itself). */
  reported(member: Member, kind: CallEventKind): void {
    if (member.phase !== 'call') throw new SignallingError('NOT_ADMITTED', 'Wait until the agent lets you in.');
    if (kind === 'audio_only_fallback') this.quality({ type: 'audioOnlyFallback', role: member.access.role });
  }

  /** What the SFU measures of the streams each admitted member receives (the quality samples). */
  async receiveQuality(): Promise<RoleQuality[]> {
    const room = this.room;
    if (!room || room.closed) return [];
    const inCall = [...this.members.values()].filter((m) => m.phase === 'call' && m.peer && !m.peer.closed);
    return Promise.all(inCall.map(async (m) => ({ role: m.access.role, consumers: await room.receiveQuality(m.peer!).catch(() => []) })));
  }

  leave(member: Member, reason: LeaveReason = 'left'): void {
    if (this.members.get(member.access.participantId) !== member) return;
    if (member.dropTimer) clearTimeout(member.dropTimer);
    this.members.delete(member.access.participantId);
    this.admitted.delete(member.access.participantId);
    member.peer?.close('left');
    this.hooks.onPresence?.(this, member.access, null);
    this.broadcast('participantLeft', { participantId: member.access.participantId, reason }, member);
    if (this.members.size === 0) this.dispose();
  }

  /** The socket closed without "leave": keep the place for the grace period. */
  dropped(connection: SignallingConnection): void {
    const member = this.member(connection);
    if (!member || member.dropTimer) return;
    member.dropTimer = setTimeout(() => this.leave(member, 'connection_lost'), this.options.graceMs);
    member.dropTimer.unref();
  }

  async end(by: Member): Promise<void> {
    if (by.access.role !== 'agent') throw new SignallingError('FORBIDDEN', 'Only the agent ends the consultation.');
    await this.hooks.onEnding?.(this);
    for (const member of this.members.values()) {
      if (member.dropTimer) clearTimeout(member.dropTimer);
      member.connection.notify('closed', { reason: 'ended', reconnect: false });
      if (member !== by) member.connection.close(CLOSE_CODES.ended, 'Consultation ended');
    }
    this.forgetMembers();
    this.room?.close('ended');
    this.dispose(true);
  }

  /**
   * The consultation can no longer be held (cancelled while people wait): everyone is closed with
   * `code`, which their clients show as final, and the media go.
   */
  terminate(code: number, message: string): void {
    for (const member of this.members.values()) {
      if (member.dropTimer) clearTimeout(member.dropTimer);
      member.connection.close(code, message);
    }
    this.forgetMembers();
    this.room?.close('ended');
    this.dispose(true);
  }

  private async ensureRoom(): Promise<Room> {
    if (this.room && !this.room.closed) return this.room;
    const room = await this.rooms.getOrCreate(this.consultationId);
    if (room === this.room) return room;
    this.room = room;
    room.on('producerAdded', (peer, producer) => this.notifyInCall(peer.id, 'newProducer', announcement(peer.id, producer)));
    room.on('producerPaused', (peer, producer) =>
      this.notifyInCall(peer.id, 'producerPaused', { producerId: producer.id, participantId: peer.id, source: sourceOf(producer), paused: producer.paused }),
    );
    room.on('consumerClosed', (peer, consumerId) => this.members.get(peer.id)?.connection.notify('consumerClosed', { consumerId }));
    room.on('mediaConnected', (peer) => {
      const member = this.memberOfPeer(peer);
      if (member) this.setMediaProblem(member, null);
      this.quality({ type: 'transportConnected' });
    });
    room.on('mediaFlowing', (_peer, kind) => this.quality({ type: 'mediaFlowing', kind }));
    room.on('transportFailed', (peer, server) => {
      const member = this.memberOfPeer(peer);
      if (member) this.hooks.onMediaFailure?.(this, member, { server });
      const reason = connectFailureOf({ server });
      if (reason) this.quality({ type: 'failure', reason });
    });
    // NOTE: a peer whose media failed (DTLS) is closed by the room; its participant is still here and
    // must come back with new transports, by itself: it is told so, with the reason.
    room.on('peerClosed', (peer, reason) => {
      const member = this.memberOfPeer(peer);
      if (!member || reason !== 'transport_failed') return;
      member.peer = null;
      this.setMediaProblem(member, 'unreachable');
      member.connection.notify('closed', { reason, reconnect: true });
    });
    room.once('closed', (reason) => {
      if (this.room === room) this.room = null;
      if (reason === 'worker_died') this.quality({ type: 'failure', reason: 'worker_died' });
      if (!isReconnectable(reason)) return;
      // The worker died: everyone comes back by themselves and lands in a room on a live worker.
      for (const m of this.members.values()) {
        m.peer = null;
        m.connection.notify('closed', { reason, reconnect: true });
      }
    });
    return room;
  }

  /** Tells everyone here, in the lobby or in the call (e.g. a document of the consultation changed). */
  notifyAll<N extends keyof NotificationMap>(notification: N, data: NotificationMap[N]): void {
    for (const m of this.members.values()) m.connection.notify(notification, data);
  }

  /** Tells the agents here, in the lobby or in the call (what the office alone needs to know). */
  notifyAgents<N extends keyof NotificationMap>(notification: N, data: NotificationMap[N]): void {
    for (const m of this.agents()) m.connection.notify(notification, data);
  }

  /** Tells the members waiting in the lobby (what the agent's presence or words are for them). */
  notifyLobby<N extends keyof NotificationMap>(notification: N, data: NotificationMap[N]): void {
    for (const m of this.members.values()) if (m.phase === 'lobby') m.connection.notify(notification, data);
  }

  /** The connections of those waiting in the lobby: each is told its own status (LobbyWatch). */
  lobbyConnections(): SignallingConnection[] {
    return [...this.members.values()].filter((m) => m.phase === 'lobby').map((m) => m.connection);
  }

  /** Someone waiting in the lobby (their access says the consultation's schedule and agent), if any. */
  lobbyAccess(): CallAccess | undefined {
    return [...this.members.values()].find((m) => m.phase === 'lobby')?.access;
  }

  /** Whether the consultation's agent is here (always in the call). */
  hasAgent(): boolean {
    return this.agents().length > 0;
  }

  /** Tells the members in the call, other than `from`, about `from`'s media. */
  private notifyInCall<N extends 'newProducer' | 'producerPaused'>(from: string, notification: N, data: NotificationMap[N]): void {
    for (const m of this.members.values()) {
      if (m.phase === 'call' && m.access.participantId !== from) m.connection.notify(notification, data);
    }
  }

  /** The member a peer belongs to, if that peer is still its current one. */
  private memberOfPeer(peer: Peer): Member | undefined {
    const member = this.members.get(peer.id);
    return member?.peer === peer ? member : undefined;
  }

  private setMediaProblem(member: Member, problem: MediaProblem | null): void {
    if (member.mediaProblem === problem) return;
    member.mediaProblem = problem;
    this.broadcast('participantUpdated', this.describe(member), member);
  }

  private agents(): Member[] {
    return [...this.members.values()].filter((m) => m.access.role === 'agent');
  }

  private describe(member: Member): Participant {
    return {
      id: member.access.participantId,
      role: member.access.role,
      displayName: member.access.displayName,
      phase: member.phase,
      mediaProblem: member.mediaProblem,
      ...(member.waitingSince ? { waitingSince: member.waitingSince.toISOString() } : {}),
    };
  }

  private broadcast<N extends keyof NotificationMap>(notification: N, data: NotificationMap[N], except: Member): void {
    for (const m of this.members.values()) if (m !== except) m.connection.notify(notification, data);
  }

  private forgetMembers(): void {
    for (const member of this.members.values()) this.hooks.onPresence?.(this, member.access, null);
    this.members.clear();
  }

  private quality(event: CallQualityEvent): void {
    this.hooks.onQuality?.(this, event);
  }

  /** `ended`: the consultation is over (ended, cancelled), not merely empty for now. */
  private dispose(ended = false): void {
    this.quality({ type: 'closed', ended });
    this.hooks.onEmpty(this);
  }
}
