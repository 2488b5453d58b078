import { backoffMs } from './outbox-dispatcher.service';

describe('retry backoff', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [6, 32000],
    // capped at one hour
    [30, 3_600_000],
  ])('attempt %i waits %i ms before jitter', (attempts, expected) => {
    expect(backoffMs(attempts, 1000, () => 0)).toBe(expected);
    expect(backoffMs(attempts, 1000, () => 0.999)).toBeLessThanOrEqual(Math.round(expected * 1.1));
  });
});
