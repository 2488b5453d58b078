import { DataSource } from 'typeorm';
import { ConsultationReader } from '../consultations/consultation.reader';
import { ConsultationListRow } from '../consultations/consultation-view';
import { covers } from '../common/time/intervals';
import { weeklyToIntervals, WeeklyRange } from '../common/time/paris-time';
import { ReplacementView } from './dto/absence-impact.view';

/**
 * The colleagues who could take a booking over: same administration, available over its whole
 * interval, not absent and not booked then. Absences are checked in SQL, bookings by the
 * consultations' reader, the weekly availability in local time here (the same rule as booking, so
 * a proposed agent is bookable). Used wherever a change leaves a booking without its agent.
 */
export async function freeColleagues(dataSource: DataSource, consultations: ConsultationReader, c: ConsultationListRow): Promise<ReplacementView[]> {
  const candidates = (await dataSource.query(
    `SELECT a.id AS "agentId", u.display_name AS "displayName",
            coalesce((SELECT json_agg(json_build_array(weekday, start_minute, end_minute)) FROM agent_availabilities WHERE agent_id = a.id), '[]') AS ranges
       FROM agents a JOIN users u ON u.id = a.user_id
      WHERE a.administration_id = $1 AND a.id <> $2 AND u.role = 'agent' AND u.disabled_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM agent_absences ab WHERE ab.agent_id = a.id AND ab.starts_at < $4 AND ab.ends_at > $3)
      ORDER BY u.display_name`,
    [c.administration_id, c.agent_id, c.starts_at, c.ends_at],
  )) as Array<{ agentId: string; displayName: string; ranges: Array<[number, number, number]> }>;
  const busy = await consultations.busyAgents(candidates.map((a) => a.agentId), c.starts_at, c.ends_at);
  const start = c.starts_at.getTime();
  const end = c.ends_at.getTime();
  return candidates
    .filter((a) => {
      if (busy.has(a.agentId)) return false;
      const ranges: WeeklyRange[] = a.ranges.map(([weekday, startMinute, endMinute]) => ({ weekday, startMinute, endMinute }));
      return covers(weeklyToIntervals(ranges, start, end), start, end);
    })
    .map(({ agentId, displayName }) => ({ agentId, displayName }));
}
