import { mediaDetail, networkCheck, networkVerdict, type Translate } from './report';

/** Keys and options, readable: the words themselves are i18n's business. */
const t: Translate = (key, options) => (options ? `${key}(${JSON.stringify(options)})` : key);

describe('the pre-call network check', () => {
  const reached = { reached: true, route: 'udp' as const, relayProtocol: null, rttMs: 20, uplinkKbps: 2400, error: null };

  it('passes with the HTTP measures and a media path that reached the SFU', () => {
    expect(networkCheck(30, 3000, false, reached).status).toBe('passed');
  });

  it('fails when the SFU cannot be reached, whatever the HTTP measures', () => {
    const check = networkCheck(30, 3000, false, { ...reached, reached: false, route: null, rttMs: null, uplinkKbps: null, error: 'media_timeout' });
    expect(check.status).toBe('failed');
    // The reason is a code worded by i18n (in French), not the browser's English.
    expect(mediaDetail(check.media!, t)).toBe(
      'network.media.unreachable({"error":"network.media.errors.media_timeout({\\"defaultValue\\":\\"media_timeout\\"})"})',
    );
  });

  it('is still pending while the media probe runs', () => {
    expect(networkCheck(30, 3000, false, null).status).toBe('pending');
  });

  it('fails on an insufficient uplink to the SFU', () => {
    expect(networkCheck(30, 3000, false, { ...reached, uplinkKbps: 300 }).status).toBe('failed');
  });
});

describe('the network in plain words (the booth)', () => {
  const reached = { reached: true, route: 'udp' as const, relayProtocol: null, rttMs: 20, uplinkKbps: 2400, error: null };

  it('is good, fair on a medium grade, poor on a failure, checking until measured', () => {
    expect(networkVerdict(networkCheck(30, 3000, false, reached))).toBe('good');
    expect(networkVerdict(networkCheck(300, 3000, false, reached))).toBe('fair');
    expect(networkVerdict(networkCheck(30, 3000, false, { ...reached, uplinkKbps: 800 }))).toBe('fair');
    expect(networkVerdict(networkCheck(30, 3000, true, reached))).toBe('poor');
    expect(networkVerdict(networkCheck(30, 3000, false, null))).toBe('checking');
  });
});
