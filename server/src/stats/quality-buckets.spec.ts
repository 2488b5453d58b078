import { LOSS_BUCKETS, RTT_BUCKETS } from '../../../shared/stats/indicators';
import { lossBucket, rttBucket } from './quality-buckets';

describe('quality distribution buckets', () => {
  it.each([
    [0, 'lt50'],
    [49.9, 'lt50'],
    [50, '50to100'],
    [99.99, '50to100'],
    [100, '100to200'],
    [200, '200to400'],
    [399, '200to400'],
    [400, 'ge400'],
    [5000, 'ge400'],
  ])('round-trip %p ms is %p (lower bound included)', (ms, bucket) => expect(rttBucket(ms)).toBe(bucket));

  it.each([
    [0, 'lt1'],
    [0.99, 'lt1'],
    [1, '1to3'],
    [3, '3to5'],
    [4.99, '3to5'],
    [5, 'ge5'],
    [100, 'ge5'],
  ])('loss %p %% is %p', (pct, bucket) => expect(lossBucket(pct)).toBe(bucket));

  it('covers every bucket of the contract, in order', () => {
    expect([0, 60, 150, 300, 500].map(rttBucket)).toEqual([...RTT_BUCKETS]);
    expect([0, 2, 4, 6].map(lossBucket)).toEqual([...LOSS_BUCKETS]);
  });
});
