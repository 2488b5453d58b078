import { LOSS_BUCKETS, RTT_BUCKETS } from '../../../shared/stats/indicators';

export type RttBucket = (typeof RTT_BUCKETS)[number];
export type LossBucket = (typeof LOSS_BUCKETS)[number];

/** Lower bounds (included) of each bucket, in the order of RTT_BUCKETS / LOSS_BUCKETS. */
export const RTT_BOUNDS_MS: Record<RttBucket, number> = { lt50: -Infinity, '50to100': 50, '100to200': 100, '200to400': 200, ge400: 400 };
export const LOSS_BOUNDS_PCT: Record<LossBucket, number> = { lt1: -Infinity, '1to3': 1, '3to5': 3, ge5: 5 };

function bucketFor<B extends string>(order: readonly B[], bounds: Record<B, number>, value: number): B {
  let found = order[0]!;
  for (const bucket of order) if (value >= bounds[bucket]) found = bucket;
  return found;
}

/** The bucket of a call's median round-trip time: [0, 50), [50, 100), [100, 200), [200, 400), ≥ 400 ms. */
export const rttBucket = (ms: number): RttBucket => bucketFor(RTT_BUCKETS, RTT_BOUNDS_MS, ms);
/** The bucket of a call's median loss: [0, 1), [1, 3), [3, 5), ≥ 5 %. */
export const lossBucket = (pct: number): LossBucket => bucketFor(LOSS_BUCKETS, LOSS_BOUNDS_PCT, pct);

