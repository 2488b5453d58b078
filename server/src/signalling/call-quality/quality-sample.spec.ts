import type { ConsumerQuality } from '../../../../media/src';
import { median, sampleOf } from './quality-sample';

const consumer = (over: Partial<ConsumerQuality>): ConsumerQuality => ({ kind: 'video', rttMs: 20, fractionLost: 0, bitrateBps: 500_000, ...over });

describe('median', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    // Even counts: the mean of the two middle values, as PostgreSQL's percentile_cont(0.5).
    [[40, 10, 30, 20], 25],
    [[5, 5, 100, 5], 5],
  ])('of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder what it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('sampleOf', () => {
  it('is the median round trip and loss of the streams a participant receives, and their bitrates added up', () => {
    const sample = sampleOf('booth', [
      consumer({ kind: 'audio', rttMs: 10, fractionLost: 0, bitrateBps: 40_000 }),
      consumer({ rttMs: 30, fractionLost: 64 / 256, bitrateBps: 800_000 }),
      consumer({ rttMs: null, fractionLost: 128 / 256, bitrateBps: 300_000 }),
    ]);
    expect(sample).toEqual({ role: 'booth', rttMs: 20, lossPct: 25, bitrateKbps: 1140 });
  });

  it('has no round trip before any receiver report said one, and no sample at all without streams', () => {
    expect(sampleOf('agent', [consumer({ rttMs: null })])).toMatchObject({ rttMs: null, lossPct: 0 });
    expect(sampleOf('agent', [])).toBeNull();
  });
});
