/** The pause before attempt `attempt` (from 0): the list's entry, its last one repeating. */
export const backoff = (delays: readonly number[], attempt: number): number => delays[Math.min(attempt, delays.length - 1)]!;
