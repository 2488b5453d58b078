import { covers, Interval } from './intervals';

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
  /** Every agent free for the whole slot; any of them with any of the booths makes a valid booking. */
  agentIds: string[];
  boothIds: string[];
}

/**
 * Candidate starts on a grid of `stepMs` inside the open windows; a slot is kept when at least one
 * agent and one booth are free for its whole length. Agents and booths are independent resources,
 * so the answer lists both sets rather than every pair.
 */
export function findSlots(q: SlotQuery): Slot[] {
  const slots: Slot[] = [];
  for (const window of q.open) {
    const from = Math.max(window.start, q.notBefore);
    for (let start = Math.ceil(from / q.stepMs) * q.stepMs; start + q.durationMs <= window.end && start < q.notAfter; start += q.stepMs) {
      const end = start + q.durationMs;
      const agentIds = q.agents.filter((a) => covers(a.free, start, end)).map((a) => a.id);
      if (agentIds.length === 0) continue;
      const boothIds = q.booths.filter((b) => covers(b.free, start, end)).map((b) => b.id);
      if (boothIds.length === 0) continue;
      slots.push({ start, end, agentIds, boothIds });
      if (slots.length >= q.limit) return slots;
    }
  }
  return slots;
}
