import { bucketLabel, formatNumber, formatValue, NO_DATA, percentOf } from './format';

// Intl's French group separator is the narrow no-break space; units follow a no-break space.
const s = (text: string) => text.replace(/ /g, '\u202f').replace(/_/g, '\u00a0');

describe('formatValue', () => {
  it.each([
    [1234, 'count', s('1 234')],
    [0, 'count', '0'],
    [12.46, 'hours', s('12,5_h')],
    [1, 'days', s('1_jour')],
    [3.25, 'days', s('3,3_jours')],
    [4.5, 'minutes', s('4,5_min')],
    [123.4, 'ms', s('123_ms')],
    [79.26, 'percent', s('79,3_%')],
    [100, 'percent', s('100_%')],
    [8.25, 'score', s('8,3_/_10')],
    [4, 'mean', '4'],
    [12345.6, 'km', s('12 346_km')],
    [56.34, 'kg', s('56,3_kg')],
  ] as const)('%s %s reads %j', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it('says « pas encore de données » for null, never zero', () => {
    expect(formatValue(null, 'percent')).toBe(NO_DATA);
    expect(formatValue(null, 'count')).toBe('pas encore de données');
  });

  it('does not show a negative zero after rounding', () => {
    expect(formatValue(-0.01, 'percent')).toBe(s('0_%'));
  });
});

describe('formatNumber and percentOf', () => {
  it('round to the digits asked', () => {
    expect(formatNumber(1234567.891, 2)).toBe(s('1 234 567,89'));
    expect(percentOf(412, 520)).toBe(s('79_%'));
    expect(percentOf(0, 0)).toBe(s('0_%'));
  });
});

describe('bucketLabel', () => {
  it('names a week by its Monday and a month by its name', () => {
    expect(bucketLabel('2026-11-02', 'week')).toBe('sem. du 02/11/2026');
    expect(bucketLabel('2026-08-01', 'month')).toBe('août 2026');
  });
});
