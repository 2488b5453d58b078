import { parseCoordinate, showCoordinate } from './coordinates';

describe('coordinates as typed', () => {
  it.each<[string, number | null | undefined]>([
    ['47,9029', 47.9029],
    [' 47.9029 ', 47.9029],
    ['-0,5', -0.5],
    ['2', 2],
    ['', null],
    ['  ', null],
    ['47,90,29', undefined],
    ['47°54′', undefined],
    ['abc', undefined],
  ])('%p reads as %p', (text, expected) => {
    expect(parseCoordinate(text)).toBe(expected);
  });

  it('shows degrees with a decimal comma, and nothing for none', () => {
    expect(showCoordinate(47.9029)).toBe('47,9029');
    expect(showCoordinate(-1.5)).toBe('-1,5');
    expect(showCoordinate(null)).toBe('');
  });
});
