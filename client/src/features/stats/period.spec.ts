import { filtersFromSearch, matchingQuickPeriod, periodProblem, quickPeriod, searchFromFilters } from './period';

describe('quick periods', () => {
  it.each([
    ['thisMonth', { from: '2026-12-01', to: '2026-12-31' }],
    ['last3Months', { from: '2026-10-01', to: '2026-12-31' }],
    ['thisYear', { from: '2026-01-01', to: '2026-12-31' }],
    ['lastYear', { from: '2025-01-01', to: '2025-12-31' }],
  ] as const)('%s on 3 December 2026', (choice, expected) => {
    expect(quickPeriod(choice, '2026-12-03')).toEqual(expected);
  });

  it('crosses the year back for the last three months in February', () => {
    expect(quickPeriod('last3Months', '2027-02-10')).toEqual({ from: '2026-12-01', to: '2027-02-28' });
  });

  it('recognises a period that is one of the choices', () => {
    expect(matchingQuickPeriod('2026-01-01', '2026-12-31', '2026-12-03')).toBe('thisYear');
    expect(matchingQuickPeriod('2026-01-02', '2026-12-31', '2026-12-03')).toBeNull();
  });
});

describe('filters in the address', () => {
  it('reads the period and the filters, and writes back only the set ones', () => {
    const params = new URLSearchParams('from=2026-11-01&to=2026-11-30&siteId=abc&agentId=&junk=1');
    const filters = filtersFromSearch(params, '2026-12-03');
    expect(filters).toEqual({ from: '2026-11-01', to: '2026-11-30', siteId: 'abc' });
    expect(searchFromFilters(filters)).toEqual({ from: '2026-11-01', to: '2026-11-30', siteId: 'abc' });
  });

  it('opens on the last three months when the period is missing or malformed', () => {
    expect(filtersFromSearch(new URLSearchParams('from=2026-13'), '2026-12-03')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
});

describe('periodProblem', () => {
  it('names the field at fault', () => {
    expect(periodProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(periodProblem('', '2026-11-30')).toBe('from');
    expect(periodProblem('2026-11-01', '2026-02-30')).toBe('to');
    expect(periodProblem('2026-11-30', '2026-11-01')).toBe('order');
    expect(periodProblem('2016-01-01', '2026-01-01')).toBe('tooLong');
  });
});
