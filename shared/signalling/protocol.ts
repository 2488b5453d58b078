/**
 * The signalling contract, imported by the server (relative path) and by the client (`@shared`
 * alias): the only place where requests, answers, notifications, error codes, close codes and
 * reasons are written. Type-only imports and plain constants: nothing here may pull server code
 * into the browser.
 *
 * Frames are JSON text:
 *   client → server  { id, method, data }           a request; always acknowledged
 *   server → client  { id, ok: true, data }         its answer
 *                    { id, ok: false, code, message }
 *   server → client  { notification, data }         an event
 */
import type { types } from 'mediasoup-client';
import type { DocumentStatus } from '../documents/documents';

export type Phase = 'lobby' | 'call';
export const PARTICIPANT_ROLES = ['booth', 'agent', 'facilitator'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** What a producer carries. */
export const MEDIA_SOURCES = ['camera', 'microphone', 'screen'] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];
export const MEDIA_KINDS = ['audio', 'video'] as const satisfies readonly types.MediaKind[];
export const TRANSPORT_DIRECTIONS = ['send', 'recv'] as const;
export type TransportDirection = (typeof TRANSPORT_DIRECTIONS)[number];
export const SPATIAL_LAYERS = [0, 1, 2] as const;
export type SpatialLayer = (typeof SPATIAL_LAYERS)[number];

/** Why a participant left the call, as the others are told (`participantLeft`). */
export const LEAVE_REASONS = [
  'left', // they hung up
  'connection_lost', // their connection dropped and did not come back within the grace period
] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/**
 * Why the server closed the call, or your media in it (`closed`). With `reconnect`, the client comes
 * back by itself: 'transport_failed' (your media connection failed: new transports), 'worker_died'
 * and 'shutdown' (the media server went: a room on a live one).
 */
export const CALL_CLOSE_REASONS = ['ended', 'transport_failed', 'worker_died', 'shutdown'] as const;
export type CallCloseReason = (typeof CALL_CLOSE_REASONS)[number];

/** Requests that take no parameter (any field is refused). */
export type NoParams = Record<never, never>;

/** 'unreachable': this participant's browser cannot open the audio-video connection to the SFU. */
export type MediaProblem = 'unreachable';

export interface Participant {
  id: string;
  role: ParticipantRole;
  displayName: string;
  phase: Phase;
  /** Set while the participant's media cannot connect (they said so); cleared once it connects. */
  mediaProblem: MediaProblem | null;
  /** ISO 8601: since when this participant waits in the lobby (absent once in the call). */
  waitingSince?: string;
}

/**
 * What is true for the agent of the consultation a lobby waits for (`lobbyStatus`), as the server
 * sees it: never a queue, never a promise. 'present': in this consultation's call (they see who
 * waits); 'busy': in the call of their previous consultation, whose booked end is
 * `previousEndsInMinutes` away (0: already past it); 'away': connected to neither. `lateMinutes`
 * (busy or away) is set once the booked start passed by the late threshold (LOBBY_LATE_MINUTES).
 */
export type LobbyStatus =
  | { agent: 'present' }
  | { agent: 'busy'; previousEndsInMinutes: number; lateMinutes: number | null }
  | { agent: 'away'; lateMinutes: number | null };

/** Longest short message an agent sends a waiting booth, in characters (after trimming). */
export const BOOTH_MESSAGE_MAX_LENGTH = 200;

/** The agent's short message to the booth waiting in the lobby (the last one is kept for a booth joining later). */
export interface BoothMessage {
  text: string;
  /** ISO 8601, set by the server. */
  sentAt: string;
}

/** One ICE candidate as the browser's statistics show it (for the server's log of a failure). */
export interface CandidateReport {
  type: string;
  protocol: string;
  address: string;
  port: number;
}

/** Why a browser could not connect a transport: what the server logs, with its own candidates. */
export interface MediaFailureReport {
  transportId: string;
  /** 'timeout': no candidate pair succeeded in time; 'failed': ICE or DTLS failed. */
  state: 'timeout' | 'failed';
  iceConnectionState: string;
  local: CandidateReport[];
  remote: CandidateReport[];
  /** Candidate pairs checked, and whether any succeeded. */
  pairs: number;
  succeededPairs: number;
}

/**
 * What a client tells the server about its own side of the call, for the call-quality record
 * (anonymous, see server/src/signalling/call-quality): 'audio_only_fallback' is the automatic
 * switch to audio only when the bandwidth collapsed (never the person's own choice).
 */
export const CALL_EVENT_KINDS = ['audio_only_fallback'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** Longest chat message, in characters (after trimming); longer ones are refused (VALIDATION_FAILED). */
export const CHAT_MAX_LENGTH = 1000;

/** One text message of the consultation's chat (booth, agent, facilitator), as stored and replayed. */
export interface ChatMessage {
  id: string;
  /** The sender's client-chosen id for this message: a resend after a reconnection is not stored twice. */
  clientId: string;
  senderRole: ParticipantRole;
  senderName: string;
  text: string;
  /** ISO 8601, set by the server. */
  sentAt: string;
}

export interface TransportOptions {
  id: string;
  iceParameters: types.IceParameters;
  iceCandidates: types.IceCandidate[];
  dtlsParameters: types.DtlsParameters;
  iceServers: RTCIceServerInit[];
  /** 'relay' where only the TURN server is reachable (ICE_TRANSPORT_POLICY). */
  iceTransportPolicy: 'all' | 'relay';
}

/** Structural copy of the DOM type, so the server compiles without the DOM library. */
export interface RTCIceServerInit {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** Same shape as media's PeerStats (kept apart so the browser never imports server code); the
 * getStats handler returns a PeerStats here, so any drift fails to compile. */
export interface ParticipantStats {
  transports: Array<{ id: string; direction: string; iceState: string; dtlsState: string; bytesReceived: number; bytesSent: number }>;
  producers: Array<{ id: string; kind: string; source: string; paused: boolean; score: number }>;
  consumers: Array<{ id: string; kind: string; paused: boolean; score: number; spatialLayer: number | null }>;
}

export interface RequestMap {
  /**
   * Enter the consultation: the booth and the facilitator wait in the lobby, the agent is in the
   * call. Straight into the call (the agent, or someone coming back), the answer brings both transports.
   */
  join: {
    req: { displayName?: string };
    res: {
      self: Participant;
      participants: Participant[];
      routerRtpCapabilities: types.RtpCapabilities;
      transports?: { recv: RequestMap['createTransport']['res']; send: RequestMap['createTransport']['res'] };
    };
  };
  admit: { req: { participantId: string }; res: NoParams };
  /** A receive transport's answer also lists the producers already there to consume (later ones are notified). */
  createTransport: { req: { direction: TransportDirection }; res: TransportOptions & { producers: NotificationMap['newProducer'][] } };
  connectTransport: { req: { transportId: string; dtlsParameters: types.DtlsParameters }; res: NoParams };
  restartIce: { req: { transportId: string }; res: { iceParameters: types.IceParameters } };
  produce: {
    req: { transportId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters; source: MediaSource };
    res: { producerId: string };
  };
  consume: {
    req: { producerId: string; rtpCapabilities: types.RtpCapabilities };
    res: { consumerId: string; producerId: string; participantId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters };
  };
  resumeConsumer: { req: { consumerId: string }; res: NoParams };
  /** Stops receiving one consumer (audio-only mode) until resumeConsumer. */
  pauseConsumer: { req: { consumerId: string }; res: NoParams };
  /** Mute / camera off: the SFU stops forwarding, so nothing reaches the others (not even comfort noise). */
  pauseProducer: { req: { producerId: string; paused: boolean }; res: NoParams };
  /** Stops a producer for good (end of a screen share): the others' consumers of it close. */
  closeProducer: { req: { producerId: string }; res: NoParams };
  /**
   * The receiver's rendered size decides the simulcast layer it wants (0 = quarter, 2 = full);
   * the SFU still goes lower when the receiver's bandwidth does not allow it.
   */
  setPreferredLayer: { req: { consumerId: string; spatialLayer: SpatialLayer }; res: NoParams };
  /** The caller's media did not connect: logged with the candidates, and the others are told. */
  reportMediaFailure: { req: MediaFailureReport; res: NoParams };
  /** Something the caller's browser decided about its media (in the call only): recorded, nobody is told. */
  reportCallEvent: { req: { kind: CallEventKind }; res: NoParams };
  /** The caller's own media statistics (transports, producers, consumers), for diagnostics. */
  getStats: { req: NoParams; res: ParticipantStats };
  leave: { req: NoParams; res: NoParams };
  /** Agent only: ends the consultation for everyone. */
  end: { req: NoParams; res: NoParams };
  /**
   * A chat message to everyone here, lobby included. Sent again with the same clientId (after a
   * reconnection), the message stored the first time is answered and nobody is told twice.
   */
  chatSend: { req: { clientId: string; text: string }; res: { message: ChatMessage } };
  /** The consultation's chat so far, oldest first (replayed after every join). */
  chatHistory: { req: NoParams; res: { messages: ChatMessage[] } };
}

export type Method = keyof RequestMap;
/** A request's parameters, e.g. `Req<'produce'>` (what the server's DTOs implement). */
export type Req<M extends Method> = RequestMap[M]['req'];
/** A request's answer. */
export type Res<M extends Method> = RequestMap[M]['res'];
export const METHODS = [
  'join',
  'admit',
  'createTransport',
  'connectTransport',
  'restartIce',
  'produce',
  'consume',
  'resumeConsumer',
  'pauseConsumer',
  'pauseProducer',
  'closeProducer',
  'setPreferredLayer',
  'reportMediaFailure',
  'reportCallEvent',
  'getStats',
  'leave',
  'end',
  'chatSend',
  'chatHistory',
] as const satisfies readonly Method[];

export interface NotificationMap {
  participantJoined: Participant;
  participantUpdated: Participant;
  participantLeft: { participantId: string; reason: LeaveReason };
  /** Someone is waiting in the lobby (the agent's screen rings). */
  lobbyWaiting: { participant: Participant };
  /** You were admitted: create transports and produce. */
  admitted: { self: Participant };
  /** `paused`: the producer is muted (microphone) or switched off (camera) at the moment. */
  newProducer: { producerId: string; participantId: string; kind: types.MediaKind; source: MediaSource; paused: boolean };
  /** Another participant muted or unmuted a producer: the view shows it (e.g. "micro coupé"). */
  producerPaused: { producerId: string; participantId: string; source: MediaSource; paused: boolean };
  consumerClosed: { consumerId: string };
  /**
   * A document of the consultation was added, checked or removed: the client reads the list again
   * over HTTP (its links are signed for each session, so they are not broadcast).
   */
  documentChanged: { documentId: string; status: DocumentStatus | 'deleted' };
  /**
   * The agent only: the consultation's checklist changed, or a facilitator sent a short message
   * (`message`). The client reads the support summary again over HTTP.
   */
  supportChanged: { message: { id: string; body: string; senderName: string; createdAt: string } | null };
  /** A new chat message, to everyone here (lobby included), its sender too. */
  chatMessage: ChatMessage;
  /** To the lobby: what is true for the agent, on joining and whenever it changes. */
  lobbyStatus: LobbyStatus;
  /** To the lobby: the agent's short message (also on joining, the last one sent). */
  boothMessage: BoothMessage;
  /** The call, or your media in it, is over; `reconnect` says whether to come back by yourself. */
  closed: { reason: CallCloseReason; reconnect: boolean };
}

export type Notification = keyof NotificationMap;

/** A frame from the client: a request, always acknowledged. */
export interface RequestFrame<M extends Method = Method> {
  id: number;
  method: M;
  data: RequestMap[M]['req'];
}

/** A frame from the server that is not an acknowledgement. */
export type NotificationFrame = { [N in Notification]: { notification: N; data: NotificationMap[N] } }[Notification];

export const SIGNALLING_ERROR_CODES = [
  'BAD_FRAME', // not JSON, or not { id, method, data }
  'UNKNOWN_METHOD',
  'VALIDATION_FAILED',
  'NOT_JOINED', // a request before join
  'NOT_ADMITTED', // media before the agent admitted you
  'FORBIDDEN',
  'RATE_LIMITED',
  'ROOM_CLOSED',
  'PEER_CLOSED',
  'UNKNOWN_TRANSPORT',
  'UNKNOWN_PRODUCER',
  'UNKNOWN_CONSUMER',
  'WRONG_DIRECTION',
  'CANNOT_CONSUME',
  'NOT_FOUND',
  'INTERNAL',
] as const;
export type SignallingErrorCode = (typeof SIGNALLING_ERROR_CODES)[number];

export type Ack<M extends Method> = { id: number; ok: true; data: RequestMap[M]['res'] } | { id: number; ok: false; code: SignallingErrorCode; message: string };

/** Any frame the server sends: an acknowledgement or a notification. */
export type ServerFrame = Ack<Method> | NotificationFrame;

/** WebSocket close codes (4000–4999 are the application's). */
export const CLOSE_CODES = {
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  outsideWindow: 4409,
  replaced: 4410,
  flood: 4429,
  /** The consultation is over (ended by the agent, or its outcome recorded): it cannot be entered. */
  ended: 4000,
  cancelled: 4411,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/**
 * Close codes after which the client does not come back by itself, and what each means for the
 * person: 'ended', or why the call was refused (the client's French words for each are in its i18n,
 * checked by its compiler). A flood is absent: the client pauses and reconnects (a bug, not a refusal).
 */
export const FINAL_CLOSE_REASONS = {
  [CLOSE_CODES.unauthenticated]: 'unauthenticated',
  [CLOSE_CODES.forbidden]: 'forbidden',
  [CLOSE_CODES.notFound]: 'not_found',
  [CLOSE_CODES.outsideWindow]: 'outside_window',
  [CLOSE_CODES.replaced]: 'replaced',
  [CLOSE_CODES.ended]: 'ended',
  [CLOSE_CODES.cancelled]: 'cancelled',
} as const satisfies Partial<Record<CloseCode, string>>;
type FinalCloseCode = keyof typeof FINAL_CLOSE_REASONS;
export type FinalCloseReason = (typeof FINAL_CLOSE_REASONS)[FinalCloseCode];
/** Why a call could not be entered, or was closed under the person (cancelled). */
export type RefusalReason = Exclude<FinalCloseReason, 'ended'>;

export function finalCloseReason(code: number): FinalCloseReason | null {
  return code in FINAL_CLOSE_REASONS ? FINAL_CLOSE_REASONS[code as FinalCloseCode] : null;
}

/** Why a call ended for this person, as the end screens tell it. */
export type CallEndReason = 'left' | CallCloseReason | FinalCloseReason;

export const SIGNALLING_PATH = '/api/signalling';
/** Larger frames are refused: SDP-derived parameters are a few kilobytes. */
export const MAX_FRAME_BYTES = 64 * 1024;
