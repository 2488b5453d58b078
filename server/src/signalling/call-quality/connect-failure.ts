import type { TransportDiagnostics } from '../../../../media/src';
import type { MediaFailureReport } from '../../../../shared/signalling/protocol';
import type { ConnectFailure } from '../../../../shared/stats/indicators';

const ICE_UP = ['connected', 'completed'];

/**
 * Why media failed, from the browser's report and what the SFU saw of the same transport. The
 * browser's 'failed' covers ICE and DTLS alike: when the SFU saw ICE through, it was DTLS. A
 * transport the SFU saw close for another reason than DTLS is not a connection failure.
 */
export function connectFailureOf({ report, server }: { report?: MediaFailureReport; server?: TransportDiagnostics }): ConnectFailure | null {
  const dtls = server !== undefined && (server.dtlsState === 'failed' || (report?.state === 'failed' && ICE_UP.includes(server.iceState)));
  if (dtls) return 'dtls_failed';
  if (!report) return null;
  return report.state === 'timeout' ? 'ice_timeout' : 'ice_failed';
}
