/**
 * Whether `now` lies in a consultation's join window: from `marginMinutes` before its booked start
 * until as long after its booked end (JOIN_MARGIN_MINUTES). Joining the call and writing to its
 * waiting booth follow the same rule: outside it, the booth is not waiting for this consultation.
 */
export function withinJoinWindow(consultation: { startsAt: Date; endsAt: Date }, marginMinutes: number, now: Date): boolean {
  const margin = marginMinutes * 60_000;
  return now.getTime() >= consultation.startsAt.getTime() - margin && now.getTime() <= consultation.endsAt.getTime() + margin;
}
