import { covers, intersect, normalize, subtract } from './intervals';

const i = (start: number, end: number) => ({ start, end });

describe('intervals', () => {
  it('normalize sorts, merges touching and overlapping intervals, drops empty ones', () => {
    expect(normalize([i(5, 7), i(0, 2), i(2, 3), i(6, 9), i(4, 4)])).toEqual([i(0, 3), i(5, 9)]);
  });

  it('intersect keeps what both lists cover', () => {
    expect(intersect([i(0, 10), i(20, 30)], [i(5, 25)])).toEqual([i(5, 10), i(20, 25)]);
    expect(intersect([i(0, 10)], [i(10, 20)])).toEqual([]);
  });

  it('subtract removes holes given in any order, half-open at both ends', () => {
    expect(subtract([i(0, 100)], [i(50, 60), i(10, 20), i(90, 120)])).toEqual([i(0, 10), i(20, 50), i(60, 90)]);
    expect(subtract([i(0, 10), i(20, 30)], [i(5, 25)])).toEqual([i(0, 5), i(25, 30)]);
    expect(subtract([i(0, 10)], [i(0, 10)])).toEqual([]);
    expect(subtract([i(0, 10)], [])).toEqual([i(0, 10)]);
  });

  it('covers answers whether one interval holds the whole span', () => {
    const list = [i(0, 10), i(20, 30), i(40, 50)];
    expect(covers(list, 20, 30)).toBe(true);
    expect(covers(list, 25, 31)).toBe(false);
    expect(covers(list, 5, 25)).toBe(false);
    expect(covers(list, 10, 20)).toBe(false);
    expect(covers(list, 49, 50)).toBe(true);
    expect(covers([], 0, 1)).toBe(false);
  });
});
