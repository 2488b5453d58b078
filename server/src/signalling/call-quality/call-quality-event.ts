import type { ConsumerQuality } from '../../../../media/src';
import type { ParticipantRole, Phase } from '../../../../shared/signalling/protocol';
import type { ConnectFailure } from '../../../../shared/stats/indicators';

/**
 * What a call tells its quality record, as it happens. Anonymous: a participant id is only held in
 * memory, to tell a reconnection from a first join; nothing here names a person or an address.
 */
export type CallQualityEvent =
  /** Every join request answered, lobby or call, first or again. */
  | { type: 'joined'; participantId: string; role: ParticipantRole; phase: Phase }
  | { type: 'admitted'; participantId: string }
  /** ICE connected on one participant's transport: its media can reach the SFU. */
  | { type: 'transportConnected' }
  /** The SFU sent its first packet on one consumer (video: a keyframe). */
  | { type: 'mediaFlowing'; kind: 'audio' | 'video' }
  | { type: 'iceRestart'; role: ParticipantRole }
  /** The participant's browser switched to audio only by itself (bandwidth). */
  | { type: 'audioOnlyFallback'; role: ParticipantRole }
  | { type: 'failure'; reason: ConnectFailure }
  /** Nobody is left (`ended`: the consultation is over, nobody comes back). */
  | { type: 'closed'; ended: boolean };

/** Each participant in the call and what the SFU measures of the streams it sends them. */
export interface RoleQuality {
  role: ParticipantRole;
  consumers: ConsumerQuality[];
}

/** What the recorder reads from a live call (the Call; a fake in unit specs). */
export interface QualitySource {
  readonly consultationId: string;
  receiveQuality(): Promise<RoleQuality[]>;
}
