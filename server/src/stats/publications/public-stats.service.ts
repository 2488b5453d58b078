import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PublicStatsReport } from '../../../../shared/stats/indicators';
import { AuditService } from '../../audit/audit.service';
import { UserPrincipal } from '../../auth/principal';
import { publicStatsConfig, PublicStatsConfig } from '../../config/configuration';
import { DomainError, fieldError } from '../../common/errors/domain.error';
import { parisDay } from '../../common/time/paris-time';
import { parsePeriod } from '../stats-period';
import { StatsScopeResolver } from '../stats-scope';
import { StatsService } from '../stats.service';
import { suppressSmallCounts } from './small-counts';
import { PublicationRow, StatsPublicationsRepository } from './stats-publications.repository';

/** How long a département's public figures are kept before being computed again. */
const CACHE_MS = 10 * 60_000;
/** Départements × years kept at most: about a hundred départements over a few years. */
const CACHE_ENTRIES = 500;

/**
 * The public page reads a whole département as an admin would (no agent, no site filter), then
 * suppresses its small counts: no account stands behind it, so it is no one's scope.
 */
const PUBLIC_READER: UserPrincipal = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  displayName: 'Page publique',
  departement: null,
  msapSiteId: null,
  sessionId: '',
  csrfToken: '',
};

export interface PublicationState {
  departement: string;
  published: boolean;
  publishedAt: string | null;
}

/**
 * Open data, as Services Publics+ publishes results: a coordinator (or an admin) publishes their
 * département's aggregated figures; anyone reads a published département's year, small counts
 * suppressed (small-counts.ts). Answers are cached per département and year (the page is open to
 * all, unauthenticated); whether a département is published is read on every request, so that a
 * withdrawal applies at once on every instance.
 */
@Injectable()
export class PublicStatsService {
  private readonly cache = new Map<string, { expires: number; report: Promise<PublicStatsReport> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(publicStatsConfig.KEY) private readonly config: PublicStatsConfig,
    private readonly publications: StatsPublicationsRepository,
    private readonly stats: StatsService,
    private readonly scopes: StatsScopeResolver,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PublicationState[]> {
    return (await this.publications.list()).map((row) => state(row.departement, row));
  }

  /** Coordinators publish or withdraw their own département, admins any département that has a France Services site. */
  async setPublished(user: UserPrincipal, departement: string, published: boolean, ip: string | null): Promise<PublicationState> {
    if (user.role !== 'admin' && !(user.role === 'coordinator' && user.departement === departement)) {
      throw new DomainError('OUTSIDE_SCOPE', 'A coordinator publishes the figures of their own département only.', fieldError('departement', 'OUTSIDE_SCOPE'));
    }
    if (!(await this.publications.hasSites(departement))) {
      throw new DomainError('VALIDATION_FAILED', 'This département has no France Services site.', fieldError('departement', 'UNKNOWN'));
    }
    const row = await this.dataSource.transaction(async (manager) => {
      const result = await this.publications.set(manager, departement, published, user.userId);
      if (result.changed) {
        await this.audit.record(
          { action: 'stats.publication_changed', actorUserId: user.userId, subjectType: 'departement', subjectId: departement, ip, details: { published } },
          manager,
        );
      }
      return result.row;
    });
    this.forget(departement);
    return state(departement, row);
  }

  /** The year's figures of a published département (404 otherwise), up to today for the current year. */
  async report(departement: string, year: number | undefined, now = Date.now()): Promise<PublicStatsReport> {
    if (!(await this.publications.find(departement))) throw new DomainError('NOT_FOUND', 'This département does not publish its figures.');
    const today = parisDay(undefined, now)!.date;
    const thisYear = Number(today.slice(0, 4));
    const asked = year ?? thisYear;
    if (asked > thisYear) throw new DomainError('VALIDATION_FAILED', 'year is still to come.', fieldError('year', 'TOO_LARGE'));
    const key = `${departement}:${asked}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) return cached.report;
    const report = this.compute(departement, `${asked}-01-01`, asked === thisYear ? today : `${asked}-12-31`, now);
    if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { expires: now + CACHE_MS, report });
    // A failure is not kept: the next request tries again.
    report.catch(() => this.cache.get(key)?.report === report && this.cache.delete(key));
    return report;
  }

  private async compute(departement: string, from: string, to: string, now: number): Promise<PublicStatsReport> {
    const period = parsePeriod(from, to);
    const scope = await this.scopes.resolve(PUBLIC_READER, { departement });
    const report = await this.stats.reportFor(scope, period, now);
    const minCount = this.config.minCount;
    const { values, suppressed, series } = suppressSmallCounts(report.values, report.series, minCount);
    return { departement, period: report.period, minCount, values, suppressed, series, travel: report.travel, computedAt: report.computedAt };
  }

  private forget(departement: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${departement}:`)) this.cache.delete(key);
  }
}

function state(departement: string, row: PublicationRow | null): PublicationState {
  return { departement, published: row !== null, publishedAt: row ? row.publishedAt.toISOString() : null };
}
