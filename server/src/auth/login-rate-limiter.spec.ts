import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  let now: number;
  let sut: LoginRateLimiter;

  beforeEach(() => {
    now = 1_000_000;
    sut = new LoginRateLimiter(3, 60_000, () => now);
  });

  it('allows attempts under the limit', () => {
    sut.recordFailure(['ip:1']);
    sut.recordFailure(['ip:1']);
    expect(sut.retryAfterSeconds(['ip:1'])).toBe(0);
  });

  it('blocks at the limit and tells how long to wait', () => {
    for (let i = 0; i < 3; i++) sut.recordFailure(['ip:1']);
    now += 10_000;
    expect(sut.retryAfterSeconds(['ip:1'])).toBe(50);
  });

  it('forgets failures once the window has passed', () => {
    for (let i = 0; i < 3; i++) sut.recordFailure(['ip:1']);
    now += 60_001;
    expect(sut.retryAfterSeconds(['ip:1'])).toBe(0);
  });

  it('blocks when any key is over the limit', () => {
    for (let i = 0; i < 3; i++) sut.recordFailure(['ip:1', 'email:a@b.fr']);
    expect(sut.retryAfterSeconds(['ip:2', 'email:a@b.fr'])).toBeGreaterThan(0);
    expect(sut.retryAfterSeconds(['ip:2', 'email:c@d.fr'])).toBe(0);
  });

  it('reset clears one key only', () => {
    for (let i = 0; i < 3; i++) sut.recordFailure(['ip:1', 'email:a@b.fr']);
    sut.reset('email:a@b.fr');
    expect(sut.retryAfterSeconds(['email:a@b.fr'])).toBe(0);
    expect(sut.retryAfterSeconds(['ip:1'])).toBeGreaterThan(0);
  });
});
