import type { Participant } from '../../../../../server/src/signalling/protocol';

export type CallStatus = 'connecting' | 'lobby' | 'call' | 'reconnecting' | 'ended' | 'refused';
export type Quality = 'unknown' | 'good' | 'medium' | 'poor';

/** What the call view renders; replaced (never mutated) on every change, for useSyncExternalStore. */
export interface CallSnapshot {
  status: CallStatus;
  /** Close code or refusal code when status is 'refused' or 'ended'. */
  reason: string | null;
  self: Participant | null;
  participants: Participant[];
  localStream: MediaStream | null;
  remoteStreams: Record<string, MediaStream>;
  micOn: boolean;
  cameraOn: boolean;
  audioOnly: boolean;
  /** True when audio-only was switched on by the bandwidth watchdog, not by the user. */
  audioOnlyAuto: boolean;
  sharingScreen: boolean;
  quality: Quality;
}

export const INITIAL_SNAPSHOT: CallSnapshot = {
  status: 'connecting',
  reason: null,
  self: null,
  participants: [],
  localStream: null,
  remoteStreams: {},
  micOn: true,
  cameraOn: true,
  audioOnly: false,
  audioOnlyAuto: false,
  sharingScreen: false,
  quality: 'unknown',
};

/** Grades a connection from its round-trip time (s) and the fraction of packets lost. */
export function gradeQuality(rttSeconds: number | null, lossRatio: number): Quality {
  if (rttSeconds === null) return 'unknown';
  if (rttSeconds < 0.15 && lossRatio < 0.02) return 'good';
  if (rttSeconds < 0.4 && lossRatio < 0.08) return 'medium';
  return 'poor';
}
