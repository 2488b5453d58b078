import type { ConsumerQuality } from '../../../../media/src';
import type { ParticipantRole } from '../../../../shared/signalling/protocol';

/**
 * The median as PostgreSQL's percentile_cont(0.5) computes it (the mean of the two middle values
 * for an even count), so that a sample and a call's summary are the same kind of figure; null for
 * no value.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One row of call_quality_samples: what one participant received at one moment. */
export interface QualitySample {
  role: ParticipantRole;
  rttMs: number | null;
  lossPct: number;
  bitrateKbps: number;
}

/**
 * One participant's sample from the streams the SFU sends it (audio and video share its path):
 * the median round trip and loss of those streams, their bitrates added up. Null when it receives
 * nothing (alone in the call, or everything paused): no figure rather than a zero.
 */
export function sampleOf(role: ParticipantRole, consumers: readonly ConsumerQuality[]): QualitySample | null {
  if (consumers.length === 0) return null;
  return {
    role,
    rttMs: median(consumers.flatMap((c) => (c.rttMs === null ? [] : [c.rttMs]))),
    lossPct: median(consumers.map((c) => c.fractionLost * 100))!,
    bitrateKbps: consumers.reduce((sum, c) => sum + c.bitrateBps, 0) / 1000,
  };
}
