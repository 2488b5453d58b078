import type { TransportDiagnostics } from '../../../../media/src';
import type { MediaFailureReport } from '../../../../shared/signalling/protocol';
import { connectFailureOf } from './connect-failure';

const report = (state: MediaFailureReport['state']): MediaFailureReport => ({ transportId: 't', state, iceConnectionState: state === 'timeout' ? 'checking' : 'failed', local: [], remote: [], pairs: 2, succeededPairs: 0 });
const server = (iceState: string, dtlsState: string): TransportDiagnostics => ({ id: 't', direction: 'send', iceState, dtlsState, candidates: [], selectedTuple: null });

describe('connectFailureOf', () => {
  it.each([
    ['a browser whose ICE never completed in time', { report: report('timeout'), server: server('new', 'new') }, 'ice_timeout'],
    ['a browser whose ICE failed', { report: report('failed'), server: server('disconnected', 'connecting') }, 'ice_failed'],
    ['a browser report without the SFU’s side', { report: report('failed') }, 'ice_failed'],
    ['a browser failed while the SFU saw ICE through: DTLS', { report: report('failed'), server: server('completed', 'connecting') }, 'dtls_failed'],
    ['the SFU saw DTLS fail', { server: server('completed', 'failed') }, 'dtls_failed'],
    ['a transport the SFU saw close otherwise', { server: server('closed', 'closed') }, null],
  ])('%s → %s', (_what, failure, expected) => {
    expect(connectFailureOf(failure)).toBe(expected);
  });
});
