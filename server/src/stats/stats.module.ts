import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsultationsExport } from './consultations-export';
import { PublicStatsController } from './publications/public-stats.controller';
import { PublicStatsService } from './publications/public-stats.service';
import { StatsPublicationsRepository } from './publications/stats-publications.repository';
import { StatsExportController } from './stats-export.controller';
import { StatsExportService } from './stats-export.service';
import { StatsScopeResolver } from './stats-scope';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';
import { OpeningHoursReader } from './queries/opening-hours.query';
import { StatsQueries } from './queries/stats-queries';

/**
 * Statistics (issue 15): one service computes every indicator of shared/stats/indicators.ts; the
 * page, the exports and the public page only read it. Add a controller or a provider on its line.
 */
@Module({
  imports: [AuditModule],
  controllers: [
    StatsController,
    StatsExportController,
    PublicStatsController,
  ],
  providers: [
    StatsService,
    StatsExportService,
    ConsultationsExport,
    PublicStatsService,
    StatsPublicationsRepository,
    StatsScopeResolver,
    StatsQueries,
    OpeningHoursReader,
  ],
  exports: [StatsService, StatsScopeResolver],
})
export class StatsModule {}
