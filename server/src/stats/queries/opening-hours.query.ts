import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Interval, subtract } from '../../common/time/intervals';
import { weeklyToIntervals, WeeklyRange } from '../../common/time/paris-time';
import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';

const HOUR = 3_600_000;

const total = (intervals: readonly Interval[], from: number, to: number) =>
  intervals.reduce((sum, i) => sum + Math.max(0, Math.min(i.end, to) - Math.max(i.start, from)), 0);

/**
 * The opening hours of the booths in service (indicator `opening_hours`), per site: the site's
 * weekly hours expanded day by day in Paris time (as the slot search does: weeklyToIntervals),
 * minus its closures (bank holidays and works are closures), times each of its booths, a retired
 * booth counting until it was retired.
 */
@Injectable()
export class OpeningHoursReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hoursBySite(scope: StatsScope, period: StatsPeriod): Promise<Map<string, number>> {
    const siteIds = scope.sites.map((s) => s.id);
    const [ranges, closures] = await Promise.all([
      this.dataSource.query(
        `SELECT msap_site_id AS "siteId", weekday, start_minute AS "startMinute", end_minute AS "endMinute"
           FROM msap_opening_hours WHERE msap_site_id = ANY($1::uuid[])`,
        [siteIds],
      ) as Promise<Array<WeeklyRange & { siteId: string }>>,
      this.dataSource.query(
        `SELECT msap_site_id AS "siteId", (extract(epoch from starts_at) * 1000)::float8 AS start, (extract(epoch from ends_at) * 1000)::float8 AS "end"
           FROM msap_closures WHERE msap_site_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
        [siteIds, new Date(period.fromMs), new Date(period.toMs)],
      ) as Promise<Array<Interval & { siteId: string }>>,
    ]);
    return openingHoursBySite(scope, period, ranges, closures);
  }
}

/** Pure part of hoursBySite: sites sharing their weekly hours (most do) expand them once. */
export function openingHoursBySite(
  scope: Pick<StatsScope, 'sites' | 'booths'>,
  period: Pick<StatsPeriod, 'fromMs' | 'toMs'>,
  ranges: ReadonlyArray<WeeklyRange & { siteId: string }>,
  closures: ReadonlyArray<Interval & { siteId: string }>,
): Map<string, number> {
  const rangesBySite = groupBy(ranges);
  const closuresBySite = groupBy(closures);
  const expanded = new Map<string, Interval[]>();
  const hours = new Map<string, number>();
  for (const site of scope.sites) {
    const weekly = (rangesBySite.get(site.id) ?? []).map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute }));
    const key = JSON.stringify([...weekly].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute));
    let open = expanded.get(key);
    if (!open) {
      open = weeklyToIntervals(weekly, period.fromMs, period.toMs);
      expanded.set(key, open);
    }
    const siteOpen = subtract(open, closuresBySite.get(site.id) ?? []);
    let ms = 0;
    for (const booth of scope.booths) {
      if (booth.siteId !== site.id) continue;
      const until = booth.retiredAt ? Math.min(new Date(booth.retiredAt).getTime(), period.toMs) : period.toMs;
      if (until > period.fromMs) ms += total(siteOpen, period.fromMs, until);
    }
    hours.set(site.id, ms / HOUR);
  }
  return hours;
}

function groupBy<T extends { siteId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.siteId);
    if (list) list.push(row);
    else out.set(row.siteId, [row]);
  }
  return out;
}
