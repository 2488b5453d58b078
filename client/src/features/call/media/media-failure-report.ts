import type { types } from 'mediasoup-client';
import type { CandidateReport, MediaFailureReport } from '@shared/signalling/protocol';

/** What the browser tried: the candidates on both sides and how many pairs were checked. */
export async function describeFailure(transport: types.Transport, state: 'timeout' | 'failed'): Promise<MediaFailureReport> {
  const stats = await transport.getStats();
  const local: CandidateReport[] = [];
  const remote: CandidateReport[] = [];
  let pairs = 0;
  let succeededPairs = 0;
  stats.forEach((s: Record<string, unknown>) => {
    if (s.type === 'local-candidate' || s.type === 'remote-candidate') {
      const candidate = {
        type: String(s.candidateType ?? ''),
        protocol: String(s.protocol ?? ''),
        address: String(s.address ?? s.ip ?? ''),
        port: Number(s.port ?? 0),
      };
      (s.type === 'local-candidate' ? local : remote).push(candidate);
    } else if (s.type === 'candidate-pair') {
      pairs++;
      if (s.state === 'succeeded') succeededPairs++;
    }
  });
  return { transportId: transport.id, state, iceConnectionState: transport.connectionState, local: local.slice(0, 32), remote: remote.slice(0, 32), pairs, succeededPairs };
}
