import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StatsFilters, StatsOptions, StatsReport, TravelMethod } from '../../../shared/stats/indicators';
import { UserPrincipal } from '../auth/principal';
import { statsConfig, StatsConfig } from '../config/configuration';
import { visibleAdministrations } from '../directory/site-access';
import { OpeningHoursReader } from './queries/opening-hours.query';
import { StatsQueries } from './queries/stats-queries';
import { parsePeriod, StatsPeriod } from './stats-period';
import { buildReport } from './stats-report';
import { StatsScope, StatsScopeResolver } from './stats-scope';

/**
 * The statistics of issue 15: every indicator of shared/stats/indicators.ts, computed here only.
 * The page (GET /api/stats), the exports and the public page all read `report` or `reportFor`.
 */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(statsConfig.KEY) private readonly config: StatsConfig,
    private readonly scopes: StatsScopeResolver,
    private readonly queries: StatsQueries,
    private readonly openingHours: OpeningHoursReader,
  ) {}

  /** The viewer's report: their rights checked first (403 OUTSIDE_SCOPE), then the period (422). */
  async report(user: UserPrincipal, filters: StatsFilters): Promise<StatsReport> {
    const period = parsePeriod(filters.from, filters.to);
    const scope = await this.scopes.resolve(user, filters);
    return this.reportFor(scope, period);
  }

  /** The report of a scope already resolved (the public page builds its own, by département). */
  async reportFor(scope: StatsScope, period: StatsPeriod, now: number = Date.now()): Promise<StatsReport> {
    const [totals, siteBuckets, travelPairs, documents, survey, support, openingHoursBySite] = await Promise.all([
      this.queries.totals(scope, period, now),
      this.queries.siteBuckets(scope, period, now),
      this.queries.travelPairs(scope, period),
      this.queries.documents(scope, period),
      // NOTE: the survey is anonymous and names no agent: an agent's figures have no satisfaction.
      scope.filters.agentId ? Promise.resolve(null) : this.queries.survey(scope, period),
      this.queries.support(scope, period),
      this.openingHours.hoursBySite(scope, period),
    ]);
    return buildReport(scope, period, { totals, siteBuckets, travelPairs, documents, survey, support, openingHoursBySite }, this.travelMethod(), new Date(now));
  }

  travelMethod(): TravelMethod {
    return { roadFactor: this.config.roadFactor, co2KgPerKm: this.config.co2KgPerKm, source: this.config.co2Source };
  }

  /** The filters the viewer may choose: départements, sites, administrations, types and agents of their scope. */
  async options(user: UserPrincipal): Promise<StatsOptions> {
    const scope = await this.scopes.resolve(user, {});
    const fixed = user.role === 'admin' ? {} : scope.filters;
    const admins = visibleAdministrations(user, 1);
    // An agent chooses among their own administration only; the others among those of their scope.
    const [administrations, consultationTypes, agents] = await Promise.all([
      this.dataSource.query(`SELECT ad.id, ad.name, ad.departement FROM administrations ad WHERE ${admins.sql} ORDER BY ad.name, ad.id`, admins.params),
      this.dataSource.query(
        `SELECT t.id, t.subject AS name, t.administration_id AS "administrationId" FROM consultation_types t JOIN administrations ad ON ad.id = t.administration_id
          WHERE ${admins.sql} ORDER BY t.subject, t.id`,
        admins.params,
      ),
      this.dataSource.query(
        `SELECT a.id, u.display_name AS name, a.administration_id AS "administrationId"
           FROM agents a JOIN users u ON u.id = a.user_id JOIN administrations ad ON ad.id = a.administration_id
          WHERE ${admins.sql} AND ($${admins.params.length + 1}::uuid IS NULL OR a.id = $${admins.params.length + 1}) ORDER BY u.display_name, a.id`,
        [...admins.params, scope.filters.agentId ?? null],
      ),
    ]);
    return {
      departements: [...new Set(scope.sites.map((s) => s.departement))].sort(),
      sites: scope.sites,
      administrations,
      consultationTypes,
      agents,
      fixed,
    };
  }
}
