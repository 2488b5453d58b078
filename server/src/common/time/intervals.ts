/** A half-open interval of real time [start, end), in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, merged, without empty intervals: the form every other function here expects. */
export function normalize(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** a ∩ b, both normalized. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** a − b, a normalized; b in any order. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const holes = normalize(b);
  const out: Interval[] = [];
  let j = 0;
  for (const piece of a) {
    let start = piece.start;
    while (j < holes.length && holes[j]!.end <= start) j++;
    let k = j;
    while (k < holes.length && holes[k]!.start < piece.end) {
      if (holes[k]!.start > start) out.push({ start, end: holes[k]!.start });
      start = Math.max(start, holes[k]!.end);
      k++;
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

/** Whether [start, end) lies inside one interval of a normalized list (binary search). */
export function covers(list: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid]!;
    if (i.end <= start) lo = mid + 1;
    else if (i.start > start) hi = mid - 1;
    else return end <= i.end;
  }
  return false;
}
