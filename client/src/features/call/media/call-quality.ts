import { gradeQuality, Quality } from './call-state';
import type { ConnectionPath } from './connection-path';

export interface InboundStats {
  kind: string;
  packetsReceived: number;
  packetsLost: number;
  framesDecoded: number;
}

/** Below this estimated outgoing bandwidth for three samples in a row, video is switched off. */
const AUDIO_ONLY_BELOW_BPS = 120_000;
const LOW_SAMPLES_TO_SWITCH = 3;

/** The inbound-rtp entries of a receiving transport's stats report. */
export function readInbound(report: RTCStatsReport): InboundStats[] {
  const out: InboundStats[] = [];
  report.forEach((s: { type: string; kind?: string; packetsReceived?: number; packetsLost?: number; framesDecoded?: number }) => {
    if (s.type !== 'inbound-rtp') return;
    out.push({ kind: String(s.kind), packetsReceived: s.packetsReceived ?? 0, packetsLost: s.packetsLost ?? 0, framesDecoded: s.framesDecoded ?? 0 });
  });
  return out;
}

/**
 * Grades the connection every sample and decides the automatic audio-only mode: on after three
 * low-bandwidth samples in a row, off again once the estimate is back above twice the threshold.
 */
export class QualityWatch {
  private lowSamples = 0;
  private last = { received: 0, lost: 0 };

  sample(send: ConnectionPath | null, inbound: InboundStats[], audioOnly: boolean, audioOnlyAuto: boolean): { quality: Quality; audioOnly: boolean | null } {
    // Loss over the last interval, not since the start: a bad minute an hour ago is not news.
    const received = inbound.reduce((n, s) => n + s.packetsReceived, 0);
    const lost = inbound.reduce((n, s) => n + s.packetsLost, 0);
    const dReceived = received - this.last.received;
    const dLost = lost - this.last.lost;
    this.last = { received, lost };
    const quality = gradeQuality(send?.rttSeconds ?? null, dReceived + dLost > 0 ? Math.max(0, dLost) / (dReceived + dLost) : 0);
    const outgoing = send?.availableOutgoingBps ?? null;
    this.lowSamples = outgoing !== null && outgoing < AUDIO_ONLY_BELOW_BPS ? this.lowSamples + 1 : 0;
    if (this.lowSamples >= LOW_SAMPLES_TO_SWITCH && !audioOnly) return { quality, audioOnly: true };
    if (this.lowSamples === 0 && audioOnlyAuto && outgoing !== null && outgoing > 2 * AUDIO_ONLY_BELOW_BPS) return { quality, audioOnly: false };
    return { quality, audioOnly: null };
  }
}
