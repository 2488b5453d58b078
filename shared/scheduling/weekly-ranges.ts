/**
 * Rules on weekly schedules (opening hours, availability) shared by the server, which enforces
 * them, and the client, which checks a draft as it is typed: the same words on both sides.
 */

/** A range of local (Europe/Paris) wall-clock minutes on one ISO weekday (1 = Monday … 7 = Sunday). */
export interface WeeklyMinutes {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/**
 * Each range that overlaps another of the same weekday, with the index of the earliest one it
 * overlaps. Ranges that only touch (09:00–12:00, 12:00–14:00) do not overlap: intervals are half-open.
 */
export function overlappingRanges(ranges: readonly WeeklyMinutes[]): Array<{ index: number; other: number }> {
  const out: Array<{ index: number; other: number }> = [];
  ranges.forEach((r, index) => {
    // The later of a pair (by start, then by position) is the one reported: fixing it fixes the pair.
    const other = ranges.findIndex(
      (o, j) =>
        j !== index &&
        o.weekday === r.weekday &&
        o.startMinute < r.endMinute &&
        r.startMinute < o.endMinute &&
        (o.startMinute < r.startMinute || (o.startMinute === r.startMinute && j < index)),
    );
    if (other >= 0) out.push({ index, other });
  });
  return out;
}

/**
 * The indexes of availability ranges that no MSAP could ever host: on a weekday when at least one
 * of `opening` (the opening hours of every MSAP the agent serves) is open, a range that meets none
 * of them is almost always a typing mistake (19:00 for 09:00). A weekday when no MSAP opens at all
 * is not refused: "available all week" is a true statement about the agent, and it stays true the
 * day an MSAP starts opening on Saturdays; the screens say that those hours will not be offered.
 * A range partly outside is accepted too: only the part inside the opening hours is ever offered
 * (the slot search intersects both), and an agent's day rarely matches an MSAP's exactly.
 */
export function rangesOutsideEveryOpening(availability: readonly WeeklyMinutes[], opening: readonly WeeklyMinutes[]): number[] {
  const out: number[] = [];
  availability.forEach((r, index) => {
    const sameDay = opening.filter((o) => o.weekday === r.weekday);
    if (sameDay.length > 0 && !sameDay.some((o) => o.startMinute < r.endMinute && r.startMinute < o.endMinute)) out.push(index);
  });
  return out;
}

/** The ranges of one weekday as disjoint sorted [start, end) minute pairs (touching ones merged). */
export function dayMinutes(ranges: readonly WeeklyMinutes[], weekday: number): Array<[number, number]> {
  const sorted = ranges.filter((r) => r.weekday === weekday && r.endMinute > r.startMinute).sort((a, b) => a.startMinute - b.startMinute);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.startMinute <= last[1]) last[1] = Math.max(last[1], r.endMinute);
    else out.push([r.startMinute, r.endMinute]);
  }
  return out;
}

/** Minute pairs of `a` also in `b` (both disjoint and sorted, as dayMinutes gives them). */
export function intersectMinutes(a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [as, ae] of a) {
    for (const [bs, be] of b) {
      const s = Math.max(as, bs);
      const e = Math.min(ae, be);
      if (s < e) out.push([s, e]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Minute pairs of `a` outside every pair of `b` (both disjoint and sorted). */
export function subtractMinutes(a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  let out: Array<[number, number]> = a.map(([s, e]) => [s, e]);
  for (const [bs, be] of b) {
    out = out.flatMap(([s, e]): Array<[number, number]> => {
      if (be <= s || e <= bs) return [[s, e]];
      const parts: Array<[number, number]> = [];
      if (s < bs) parts.push([s, bs]);
      if (be < e) parts.push([be, e]);
      return parts;
    });
  }
  return out;
}
