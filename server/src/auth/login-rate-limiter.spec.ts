import { addressKey, retryAfterSeconds } from './login-rate-limiter';

describe('addressKey', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0:0:0:9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('two addresses of one /64 share a key, another /64 does not', () => {
    expect(addressKey('2001:db8:1:2::a')).toBe(addressKey('2001:db8:1:2:ffff::b'));
    expect(addressKey('2001:db8:1:3::a')).not.toBe(addressKey('2001:db8:1:2::a'));
  });
});

describe('retryAfterSeconds', () => {
  const now = new Date(1_000_000);
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('lets an attempt through under the limit', () => {
    expect(retryAfterSeconds([ago(1000), ago(2000)], 3, 60_000, now)).toBe(0);
  });

  it('at the limit, waits until the oldest attempt leaves the window', () => {
    expect(retryAfterSeconds([ago(10_000), ago(5000), ago(1000)], 3, 60_000, now)).toBe(50);
  });

  it('rounds a partial second up', () => {
    expect(retryAfterSeconds([ago(10_500), ago(0), ago(0)], 3, 60_000, now)).toBe(50);
  });

  it('forgets attempts older than the window', () => {
    expect(retryAfterSeconds([ago(60_001), ago(60_000), ago(1000)], 3, 60_000, now)).toBe(0);
  });

  it('does not depend on the order the instants are given in', () => {
    expect(retryAfterSeconds([ago(1000), ago(20_000), ago(5000)], 3, 60_000, now)).toBe(40);
  });

  it('over the limit (a limit lowered since), waits until only limit - 1 remain', () => {
    const attempts = [ago(40_000), ago(30_000), ago(20_000), ago(10_000)];
    expect(retryAfterSeconds(attempts, 2, 60_000, now)).toBe(40);
  });

  it('never answers less than one second while the key is full', () => {
    expect(retryAfterSeconds([ago(59_999)], 1, 60_000, now)).toBe(1);
  });
});
