import { retryAfterSeconds } from './login-rate-limiter';

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
