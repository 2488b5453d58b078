import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { AuthenticatedRequest, CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { ExportStatsQueryDto } from './dto/export-stats.dto';
import { StatsExportService } from './stats-export.service';

@ApiTags('stats')
@Controller('api/stats')
export class StatsExportController {
  constructor(private readonly exports: StatsExportService) {}

  /**
   * A filtered view as a file: the same period, filters and rights as GET /api/stats (403 outside
   * one's scope), one table (indicators, series, sites, or one anonymous line per consultation,
   * streamed), as CSV for French spreadsheets or JSON. Audited (`stats.exported`).
   */
  @Get('export')
  @Allow('admin', 'coordinator', 'facilitator', 'agent')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The file (Content-Disposition: attachment, its name says the table and the period)' })
  async export(@CurrentUser() user: UserPrincipal, @Query() query: ExportStatsQueryDto, @Req() req: AuthenticatedRequest): Promise<StreamableFile> {
    const file = await this.exports.export(user, query, req.ip ?? null);
    const options = { type: file.type, disposition: `attachment; filename="${file.filename}"` };
    return Buffer.isBuffer(file.body) ? new StreamableFile(file.body, options) : new StreamableFile(file.body, options);
  }
}
