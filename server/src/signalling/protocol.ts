/**
 * The signalling contract, imported by the server and by the client (client/src/features/call).
 * Type-only imports and plain constants: nothing here may pull server code into the browser.
 *
 * Frames are JSON text:
 *   client → server  { id, method, data }           a request; always acknowledged
 *   server → client  { id, ok: true, data }         its answer
 *                    { id, ok: false, code, message }
 *   server → client  { notification, data }         an event
 */
import type { types } from 'mediasoup-client';

export type Phase = 'lobby' | 'call';
export type ParticipantRole = 'booth' | 'agent' | 'facilitator';

/** 'unreachable': this participant's browser cannot open the audio-video connection to the SFU. */
export type MediaProblem = 'unreachable';

export interface Participant {
  id: string;
  role: ParticipantRole;
  displayName: string;
  phase: Phase;
  /** Set while the participant's media cannot connect (they said so); cleared once it connects. */
  mediaProblem: MediaProblem | null;
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
  admit: { req: { participantId: string }; res: Record<string, never> };
  /** A receive transport's answer also lists the producers already there to consume (later ones are notified). */
  createTransport: { req: { direction: 'send' | 'recv' }; res: TransportOptions & { producers: NotificationMap['newProducer'][] } };
  connectTransport: { req: { transportId: string; dtlsParameters: types.DtlsParameters }; res: Record<string, never> };
  restartIce: { req: { transportId: string }; res: { iceParameters: types.IceParameters } };
  produce: {
    req: { transportId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters; source: 'camera' | 'microphone' | 'screen' };
    res: { producerId: string };
  };
  consume: {
    req: { producerId: string; rtpCapabilities: types.RtpCapabilities };
    res: { consumerId: string; producerId: string; participantId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters };
  };
  resumeConsumer: { req: { consumerId: string }; res: Record<string, never> };
  /** Stops receiving one consumer (audio-only mode) until resumeConsumer. */
  pauseConsumer: { req: { consumerId: string }; res: Record<string, never> };
  /** Mute / camera off: the SFU stops forwarding, so nothing reaches the others (not even comfort noise). */
  pauseProducer: { req: { producerId: string; paused: boolean }; res: Record<string, never> };
  /** Stops a producer for good (end of a screen share): the others' consumers of it close. */
  closeProducer: { req: { producerId: string }; res: Record<string, never> };
  /**
   * The receiver's rendered size decides the simulcast layer it wants (0 = quarter, 2 = full);
   * the SFU still goes lower when the receiver's bandwidth does not allow it.
   */
  setPreferredLayer: { req: { consumerId: string; spatialLayer: 0 | 1 | 2 }; res: Record<string, never> };
  /** The caller's media did not connect: logged with the candidates, and the others are told. */
  reportMediaFailure: { req: MediaFailureReport; res: Record<string, never> };
  /** The caller's own media statistics (transports, producers, consumers), for diagnostics. */
  getStats: { req: Record<string, never>; res: ParticipantStats };
  leave: { req: Record<string, never>; res: Record<string, never> };
  /** Agent only: ends the consultation for everyone. */
  end: { req: Record<string, never>; res: Record<string, never> };
}

export type Method = keyof RequestMap;
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
  'getStats',
  'leave',
  'end',
] as const satisfies readonly Method[];

export interface NotificationMap {
  participantJoined: Participant;
  participantUpdated: Participant;
  participantLeft: { participantId: string; reason: string };
  /** Someone is waiting in the lobby (the agent's screen rings). */
  lobbyWaiting: { participant: Participant };
  /** You were admitted: create transports and produce. */
  admitted: { self: Participant };
  /** `paused`: the producer is muted (microphone) or switched off (camera) at the moment. */
  newProducer: { producerId: string; participantId: string; kind: types.MediaKind; source: string; paused: boolean };
  /** Another participant muted or unmuted a producer: the view shows it (e.g. "micro coupé"). */
  producerPaused: { producerId: string; participantId: string; source: string; paused: boolean };
  consumerClosed: { consumerId: string };
  /**
   * The call, or your media in it, is over; `reconnect` says whether to come back by yourself (worker
   * crash, or 'transport_failed': your media connection failed and needs new transports).
   */
  closed: { reason: string; reconnect: boolean };
}

export type Notification = keyof NotificationMap;

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

export const SIGNALLING_PATH = '/api/signalling';
/** Larger frames are refused: SDP-derived parameters are a few kilobytes. */
export const MAX_FRAME_BYTES = 64 * 1024;
