/** How a transport reaches the SFU: directly or through the TURN relay, over UDP or TCP. */
export interface ConnectionPath {
  /** 'host' / 'srflx': direct; 'relay': through TURN. */
  candidateType: string;
  /** Transport to the SFU (direct) or to the TURN server (relay). */
  protocol: string;
  /** For a relay: how the browser reaches the TURN server ('udp', 'tcp' or 'tls'). */
  relayProtocol: string | null;
  rttSeconds: number | null;
  /** The browser's congestion-control estimate towards the SFU (bits/s), on a sending transport. */
  availableOutgoingBps: number | null;
}

interface StatsEntry {
  type: string;
  id: string;
  selectedCandidatePairId?: string;
  localCandidateId?: string;
  nominated?: boolean;
  state?: string;
  currentRoundTripTime?: number;
  availableOutgoingBitrate?: number;
  candidateType?: string;
  protocol?: string;
  relayProtocol?: string;
}

/** The selected ICE candidate pair of a transport's stats report, described; null before ICE. */
export function selectedPath(report: RTCStatsReport): ConnectionPath | null {
  const entries = new Map<string, StatsEntry>();
  report.forEach((s: StatsEntry) => entries.set(s.id, s));
  const all = [...entries.values()];
  const pairId = all.find((s) => s.type === 'transport' && s.selectedCandidatePairId)?.selectedCandidatePairId;
  const pair = (pairId && entries.get(pairId)) || all.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
  const local = pair?.localCandidateId ? entries.get(pair.localCandidateId) : undefined;
  if (!pair || !local) return null;
  return {
    candidateType: local.candidateType ?? 'unknown',
    protocol: local.protocol ?? 'unknown',
    relayProtocol: local.relayProtocol ?? null,
    rttSeconds: pair.currentRoundTripTime ?? null,
    availableOutgoingBps: pair.availableOutgoingBitrate ?? null,
  };
}
