import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { StatsPeriod } from '../stats-period';
import type { StatsScope } from '../stats-scope';
import { Query } from './consultation-filter';
import { consultationTotals } from './consultations.query';
import { documentTotals } from './documents.query';
import { surveyBuckets } from './satisfaction.query';
import { siteBuckets } from './series.query';
import { supportTotals } from './support.query';
import { travelPairs } from './travel.query';

/**
 * NOTE: each statistics query runs in a read-only transaction of its own with JIT off and more sort
 * memory. JIT compiles the dozens of FILTER expressions of an aggregate in more time than a national
 * year takes to scan (measured: ~0.2–0.5 s per query); with the default 4 MB the medians' sorts and
 * the call_quality hash spill to disk. 32 MB × the few sorts of one query stays modest.
 * A narrow scope (a département, a site, an agent…) also gets an SSD's random_page_cost: with the
 * default 4 a département's few thousand consultations were joined to documents, support rows and
 * call_quality by scanning those whole tables instead of probing their consultation_id index (0.4 s
 * against a few ms on the bench's data). Not for the whole country, where it made PostgreSQL read a
 * third of consultations through an unrelated index instead of scanning the table.
 */
const SESSION = `BEGIN READ ONLY; SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`;
const NARROW = `${SESSION}, set_config('random_page_cost', '1.1', true)`;

const narrow = (scope: StatsScope) =>
  scope.bySite || scope.filters.agentId !== undefined || scope.filters.administrationId !== undefined || scope.filters.consultationTypeId !== undefined;

/** The section queries on the pool: each its own connection, all at once (StatsService awaits them together). */
@Injectable()
export class StatsQueries {
  private readonly wide: Query;
  private readonly narrow: Query;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    const runner =
      (settings: string): Query =>
      async <T>(sql: string, params: unknown[]) => {
        const client = await pool.connect();
        try {
          await client.query(settings);
          const result = await client.query(sql, params);
          await client.query('COMMIT');
          return result.rows as T[];
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      };
    this.wide = runner(SESSION);
    this.narrow = runner(NARROW);
  }

  private on = (scope: StatsScope): Query => (narrow(scope) ? this.narrow : this.wide);

  totals = (scope: StatsScope, period: StatsPeriod, now: number) => consultationTotals(this.on(scope), scope, period, now);
  siteBuckets = (scope: StatsScope, period: StatsPeriod, now: number) => siteBuckets(this.on(scope), scope, period, now);
  travelPairs = (scope: StatsScope, period: StatsPeriod) => travelPairs(this.on(scope), scope, period);
  documents = (scope: StatsScope, period: StatsPeriod) => documentTotals(this.on(scope), scope, period);
  survey = (scope: StatsScope, period: StatsPeriod) => surveyBuckets(this.on(scope), scope, period);
  support = (scope: StatsScope, period: StatsPeriod) => supportTotals(this.on(scope), scope, period);
}
