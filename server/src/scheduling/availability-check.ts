import { covers, intersect, Interval, normalize, subtract } from '../common/time/intervals';
import { weeklyToIntervals, WeeklyRange } from '../common/time/paris-time';

export interface Calendars {
  availability: readonly WeeklyRange[];
  opening: readonly WeeklyRange[];
  absences: readonly Interval[];
  closures: readonly Interval[];
}

/** When the MSAP can host a consultation over [from, to): opening hours − closures. */
export function openTime(c: Pick<Calendars, 'opening' | 'closures'>, from: number, to: number): Interval[] {
  return subtract(weeklyToIntervals(c.opening, from, to), c.closures);
}

/** When the agent can consult at that MSAP: availability ∩ open time − absences. */
export function agentTime(c: Calendars, from: number, to: number, open = openTime(c, from, to)): Interval[] {
  return subtract(intersect(weeklyToIntervals(c.availability, from, to), open), normalize(c.absences));
}

/**
 * Why [start, end) cannot be booked, as a sentence for the citizen's facilitator, or null when the
 * agent and the MSAP are both available. Overlaps with other bookings are the database's business.
 */
export function whyUnavailable(c: Calendars, start: number, end: number): string | null {
  if (!covers(weeklyToIntervals(c.opening, start, end), start, end)) return 'is outside the opening hours of the MSAP';
  if (!covers(openTime(c, start, end), start, end)) return 'falls on a closure of the MSAP';
  if (!covers(weeklyToIntervals(c.availability, start, end), start, end)) return "is outside the agent's availability";
  if (!covers(agentTime(c, start, end), start, end)) return 'falls on an absence of the agent';
  return null;
}
