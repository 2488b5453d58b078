import { Interval } from '../common/time/intervals';

export interface ResourceFreeTime {
  id: string;
  /** Normalized intervals when this resource can take a consultation. */
  free: Interval[];
}

export interface SlotQuery {
  /** Where consultations may happen at all (opening hours − closures), normalized. */
  open: Interval[];
  agents: ResourceFreeTime[];
  booths: ResourceFreeTime[];
  durationMs: number;
  /** Divides 60, so that slot starts fall on the same local minutes whatever the UTC offset. */
  stepMs: number;
  /** No slot starts before this instant (the past, or the search start). */
  notBefore: number;
  notAfter: number;
  limit: number;
}

export interface Slot {
  start: number;
  end: number;
  /**
   * Indexes into the query's `agents` and `booths` of every one free for the whole slot: any of
   * those agents with any of those booths makes a valid booking. Indexes keep a two-week answer small.
   */
  agents: number[];
  booths: number[];
}

/**
 * Candidate starts on a grid of `stepMs` inside the open windows; a slot is kept when at least one
 * agent and one booth are free for its whole length. Agents and booths are independent resources,
 * so the answer lists both sets rather than every pair.
 */
export function findSlots(q: SlotQuery): Slot[] {
  const slots: Slot[] = [];
  // Starts only grow (windows are sorted and disjoint): each resource keeps a cursor on its free
  // list instead of a binary search per start, which makes a two-week search linear.
  const agentCursors = new Array<number>(q.agents.length).fill(0);
  const boothCursors = new Array<number>(q.booths.length).fill(0);
  for (const window of q.open) {
    const from = Math.max(window.start, q.notBefore);
    for (let start = Math.ceil(from / q.stepMs) * q.stepMs; start + q.durationMs <= window.end && start < q.notAfter; start += q.stepMs) {
      const end = start + q.durationMs;
      const agents = freeAt(q.agents, agentCursors, start, end);
      if (agents.length === 0) continue;
      const booths = freeAt(q.booths, boothCursors, start, end);
      if (booths.length === 0) continue;
      slots.push({ start, end, agents, booths });
      if (slots.length >= q.limit) return slots;
    }
  }
  return slots;
}

/** Indexes of the resources free over [start, end); `cursors` move forward only (start never decreases). */
function freeAt(resources: readonly ResourceFreeTime[], cursors: number[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < resources.length; i++) {
    const free = resources[i]!.free;
    let c = cursors[i]!;
    while (c < free.length && free[c]!.end <= start) c++;
    cursors[i] = c;
    const interval = free[c];
    if (interval !== undefined && interval.start <= start && end <= interval.end) out.push(i);
  }
  return out;
}
