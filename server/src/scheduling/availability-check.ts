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

export type Unavailability = 'OUTSIDE_OPENING_HOURS' | 'MSAP_CLOSED' | 'OUTSIDE_AVAILABILITY' | 'AGENT_ABSENT';

/** For developers, in the error's message. */
export const UNAVAILABILITY_MESSAGES: Record<Unavailability, string> = {
  OUTSIDE_OPENING_HOURS: 'is outside the opening hours of the MSAP',
  MSAP_CLOSED: 'falls on a closure of the MSAP',
  OUTSIDE_AVAILABILITY: "is outside the agent's availability",
  AGENT_ABSENT: 'falls on an absence of the agent',
};

/**
 * Why [start, end) cannot be booked, or null when the agent and the MSAP are both available (the
 * same code names the error and the field). Overlaps with other bookings are the database's business.
 */
export function whyUnavailable(c: Calendars, start: number, end: number): Unavailability | null {
  if (!covers(weeklyToIntervals(c.opening, start, end), start, end)) return 'OUTSIDE_OPENING_HOURS';
  if (!covers(openTime(c, start, end), start, end)) return 'MSAP_CLOSED';
  if (!covers(weeklyToIntervals(c.availability, start, end), start, end)) return 'OUTSIDE_AVAILABILITY';
  if (!covers(agentTime(c, start, end), start, end)) return 'AGENT_ABSENT';
  return null;
}
