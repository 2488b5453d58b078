import { bucketOf, bucketStarts, parsePeriod } from './stats-period';
import { DomainError } from '../common/errors/domain.error';

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('stats period', () => {
  it('takes both Paris days whole: midnight to midnight, 23 or 25 hours on clock-change days', () => {
    const spring = parsePeriod('2026-03-29', '2026-03-29');
    expect(new Date(spring.fromMs).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(spring.toMs).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const autumn = parsePeriod('2026-10-25', '2026-10-25');
    expect((autumn.toMs - autumn.fromMs) / 3_600_000).toBe(25);
    expect(parsePeriod('2026-01-01', '2026-12-31').days).toBe(365);
  });

  it('buckets by ISO week (Monday) up to 366 days, by month above', () => {
    expect(bucketOf('2026-01-01', 'week')).toBe('2025-12-29'); // a Thursday: its Monday is in 2025
    expect(bucketOf('2026-01-04', 'week')).toBe('2025-12-29'); // Sunday closes the ISO week
    expect(bucketOf('2026-01-05', 'week')).toBe('2026-01-05');
    expect(bucketOf('2026-03-31', 'month')).toBe('2026-03-01');
    expect(bucketStarts('2026-01-01', '2026-01-19', 'week')).toEqual(['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19']);
    expect(bucketStarts('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(parsePeriod('2025-01-01', '2026-01-01').granularity).toBe('week'); // 366 days
    const long = parsePeriod('2025-01-01', '2026-01-02');
    expect(long.granularity).toBe('month');
    expect(long.buckets).toHaveLength(13);
    expect(parsePeriod('2026-01-01', '2026-12-31').buckets).toHaveLength(53);
  });

  it('refuses malformed and impossible days, an end before the start, and more than three years', () => {
    expect(refusal(() => parsePeriod('2026-02-30', '2026-03-01')).fields).toEqual({ from: ['INVALID_FORMAT'] });
    expect(refusal(() => parsePeriod('2026-01-01', '01/02/2026')).fields).toEqual({ to: ['INVALID_FORMAT'] });
    expect(refusal(() => parsePeriod('2026-02-02', '2026-02-01')).fields).toEqual({ to: ['END_BEFORE_START'] });
    expect(parsePeriod('2024-01-01', '2027-01-02').days).toBe(1098);
    const tooLong = refusal(() => parsePeriod('2016-01-01', '2025-12-31'));
    expect(tooLong.code).toBe('PERIOD_TOO_LONG');
    expect(tooLong.fields).toEqual({ to: ['RANGE_TOO_LONG'] });
    expect(tooLong.message).toMatch(/3653 days.*1098 days at most/);
  });
});
