import type { BoothMessage, CallEndReason, ChatMessage, LeaveReason, LobbyStatus, Participant } from '@shared/signalling/protocol';

export type CallStatus = 'connecting' | 'lobby' | 'call' | 'reconnecting' | 'ended' | 'refused';
export type Quality = 'unknown' | 'good' | 'medium' | 'poor';

/** What the call view renders; replaced (never mutated) on every change, for useSyncExternalStore. */
export interface CallSnapshot {
  status: CallStatus;
  /** Why, once status is 'refused' or 'ended'. */
  reason: CallEndReason | null;
  self: Participant | null;
  participants: Participant[];
  localStream: MediaStream | null;
  remoteStreams: Record<string, MediaStream>;
  /** Screens shared by remote participants (the agent's), apart from their camera streams. */
  remoteScreens: Record<string, MediaStream>;
  /** What each remote participant switched off, as the SFU reports it (absent: all on). */
  remoteMedia: Record<string, RemoteMedia>;
  micOn: boolean;
  cameraOn: boolean;
  audioOnly: boolean;
  /** True when audio-only was switched on by the bandwidth watchdog, not by the user. */
  audioOnlyAuto: boolean;
  sharingScreen: boolean;
  quality: Quality;
  /** Our own media could not connect to the SFU in time, or failed: the engine retries meanwhile. */
  mediaProblem: 'unreachable' | null;
  /** The last "end for everyone" was not carried out by the server: the call goes on. */
  endFailed: boolean;
  /** Who left last, and why (said until someone comes in). */
  departed: { name: string; reason: LeaveReason } | null;
  /**
   * Grows when the consultation's documents may have changed (a notification, or a join after a
   * reconnection that may have missed some): the documents view reads its list again.
   */
  documentsVersion: number;
  /** Grows when the consultation's support checklist may have changed (the agent's summary reads it again). */
  supportVersion: number;
  /** The last short message a facilitator sent the agent during this call. */
  deskMessage: { id: string; body: string; senderName: string; createdAt: string } | null;
  /** In the lobby: what is true for the agent, as the server last said. */
  lobbyStatus: LobbyStatus | null;
  /** In the lobby: the agent's last short message. */
  boothMessage: BoothMessage | null;
  chat: ChatState;
}

/** The consultation's chat as this participant has it (see ChatChannel). */
export interface ChatState {
  /** Stored messages, oldest first, each once (merged by id). */
  messages: ChatMessage[];
  /** Ours not acknowledged yet (the connection is back): sent again, with the same clientId, after the next join. */
  pending: Array<{ clientId: string; text: string }>;
  /** The history was read once: what arrives after is new (and announced). */
  loaded: boolean;
}

export interface RemoteMedia {
  micOn: boolean;
  cameraOn: boolean;
}

export const INITIAL_SNAPSHOT: CallSnapshot = {
  status: 'connecting',
  reason: null,
  self: null,
  participants: [],
  localStream: null,
  remoteStreams: {},
  remoteScreens: {},
  remoteMedia: {},
  micOn: true,
  cameraOn: true,
  audioOnly: false,
  audioOnlyAuto: false,
  sharingScreen: false,
  quality: 'unknown',
  mediaProblem: null,
  endFailed: false,
  departed: null,
  documentsVersion: 0,
  supportVersion: 0,
  deskMessage: null,
  lobbyStatus: null,
  boothMessage: null,
  chat: { messages: [], pending: [], loaded: false },
};

/** Grades a connection from its round-trip time (s) and the fraction of packets lost. */
export function gradeQuality(rttSeconds: number | null, lossRatio: number): Quality {
  if (rttSeconds === null) return 'unknown';
  if (rttSeconds < 0.15 && lossRatio < 0.02) return 'good';
  if (rttSeconds < 0.4 && lossRatio < 0.08) return 'medium';
  return 'poor';
}

/** The remote media map after `participantId` paused or resumed its producer of `source`. */
export function withRemoteSource(current: Record<string, RemoteMedia>, participantId: string, source: string, paused: boolean): Record<string, RemoteMedia> {
  const key = source === 'microphone' ? 'micOn' : source === 'camera' ? 'cameraOn' : null;
  if (!key) return current;
  const before = current[participantId] ?? { micOn: true, cameraOn: true };
  if (before[key] === !paused) return current;
  return { ...current, [participantId]: { ...before, [key]: !paused } };
}
