import { dayMinutes, intersectMinutes, overlappingRanges, rangesOutsideEveryOpening, subtractMinutes, WeeklyMinutes } from './weekly-ranges';

const r = (weekday: number, start: string, end: string): WeeklyMinutes => {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return { weekday, startMinute: m(start), endMinute: m(end) };
};

describe('overlappingRanges', () => {
  it('reports the later range of an overlapping pair of the same weekday, with the earlier one', () => {
    expect(overlappingRanges([r(1, '13:00', '17:00'), r(1, '09:00', '13:30')])).toEqual([{ index: 0, other: 1 }]);
  });

  it('ranges that only touch, or are on other weekdays, do not overlap', () => {
    expect(overlappingRanges([r(1, '09:00', '12:00'), r(1, '12:00', '14:00'), r(2, '10:00', '11:00')])).toEqual([]);
  });

  it('a range overlapped only by one that starts earlier and is listed after it is reported', () => {
    expect(overlappingRanges([r(1, '09:00', '12:00'), r(1, '10:00', '13:00'), r(1, '08:00', '10:30')])).toEqual([
      { index: 0, other: 2 },
      { index: 1, other: 0 },
    ]);
  });

  it('two identical ranges: the second is reported', () => {
    expect(overlappingRanges([r(3, '09:00', '12:00'), r(3, '09:00', '12:00')])).toEqual([{ index: 1, other: 0 }]);
  });

  it('a range inside another is reported', () => {
    expect(overlappingRanges([r(5, '08:00', '18:00'), r(5, '10:00', '11:00'), r(5, '17:00', '19:00')])).toEqual([
      { index: 1, other: 0 },
      { index: 2, other: 0 },
    ]);
  });
});

describe('rangesOutsideEveryOpening', () => {
  const opening = [r(1, '09:00', '12:30'), r(1, '13:30', '17:30'), r(2, '09:00', '12:00')];

  it('refuses a range that meets no opening of a weekday when something opens', () => {
    expect(rangesOutsideEveryOpening([r(1, '18:00', '20:00'), r(1, '12:30', '13:30'), r(2, '14:00', '16:00')], opening)).toEqual([0, 1, 2]);
  });

  it('accepts a range partly outside, and any range on a weekday when nothing opens', () => {
    expect(rangesOutsideEveryOpening([r(1, '08:00', '10:00'), r(1, '17:00', '19:00'), r(6, '09:00', '12:00'), r(7, '00:00', '24:00')], opening)).toEqual([]);
  });

  it('with no opening hours at all, nothing is refused', () => {
    expect(rangesOutsideEveryOpening([r(1, '09:00', '12:00')], [])).toEqual([]);
  });
});

describe('minute arithmetic of one day', () => {
  it('dayMinutes merges touching and overlapping ranges of the weekday, in order', () => {
    expect(dayMinutes([r(1, '13:00', '14:00'), r(1, '09:00', '12:00'), r(1, '12:00', '12:30'), r(2, '08:00', '09:00')], 1)).toEqual([
      [540, 750],
      [780, 840],
    ]);
  });

  it('intersectMinutes and subtractMinutes', () => {
    const open: Array<[number, number]> = [
      [540, 750],
      [810, 1050],
    ];
    expect(intersectMinutes(open, [[480, 600]])).toEqual([[540, 600]]);
    expect(intersectMinutes(open, [[700, 900]])).toEqual([
      [700, 750],
      [810, 900],
    ]);
    expect(subtractMinutes(open, [[600, 900]])).toEqual([
      [540, 600],
      [900, 1050],
    ]);
    expect(subtractMinutes(open, [[0, 1440]])).toEqual([]);
  });
});
