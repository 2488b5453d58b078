import { Body, Controller, Get, Header, Param, PipeTransform, Put, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '../../auth/decorators/allow.decorator';
import { AuthenticatedRequest, CurrentUser } from '../../auth/decorators/principal.decorator';
import { UserPrincipal } from '../../auth/principal';
import { DomainError, fieldError } from '../../common/errors/domain.error';
import { DEPARTEMENT } from '../../directory/dto/directory-fields';
import { PublicationView, PublicStatsQueryDto, SetPublicationDto } from '../dto/publication.dto';
import { PublicStatsReportView } from '../dto/public-stats.view';
import { PublicStatsService } from './public-stats.service';

/** A département code in the path (45, 2A, 974); anything else is a 422 naming it. */
const departementParam: PipeTransform<string, string> = {
  transform(value: string): string {
    const code = value.toUpperCase();
    if (DEPARTEMENT.test(code)) return code;
    throw new DomainError('VALIDATION_FAILED', 'departement must be a French département code (e.g. 45, 2A, 974).', fieldError('departement', 'INVALID_DEPARTEMENT'));
  },
};

/** The public statistics page (open data): which départements publish, and their aggregated figures. */
@ApiTags('stats')
@Controller('api')
export class PublicStatsController {
  constructor(private readonly publicStats: PublicStatsService) {}

  /** Publishes (or withdraws) a département's aggregated figures: its coordinators, or an admin. Audited. */
  @Put('stats/publications/:departement')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: PublicationView })
  publish(@CurrentUser() user: UserPrincipal, @Param('departement', departementParam) departement: string, @Body() dto: SetPublicationDto, @Req() req: AuthenticatedRequest) {
    return this.publicStats.setPublished(user, departement, dto.published, req.ip ?? null);
  }

  /** The départements that publish their figures (no account needed). */
  @Get('public/stats')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOkResponse({ type: [PublicationView] })
  list() {
    return this.publicStats.list();
  }

  /** A published département's figures for a year, small counts suppressed (no account needed; 404 when not published). */
  @Get('public/stats/:departement')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOkResponse({ type: PublicStatsReportView })
  report(@Param('departement', departementParam) departement: string, @Query() query: PublicStatsQueryDto) {
    return this.publicStats.report(departement, query.year);
  }
}
