import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { StatsQueryDto } from './dto/stats-query.dto';
import { StatsOptionsView, StatsReportView } from './dto/stats-report.view';
import { StatsService } from './stats.service';

/** The indicators of issue 15, within the viewer's rights (booth terminals: none). */
@ApiTags('stats')
@Controller('api/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Allow('admin', 'coordinator', 'facilitator', 'agent')
  @ApiOkResponse({ type: StatsReportView })
  report(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.stats.report(user, query);
  }

  @Get('options')
  @Allow('admin', 'coordinator', 'facilitator', 'agent')
  @ApiOkResponse({ type: StatsOptionsView })
  options(@CurrentUser() user: UserPrincipal) {
    return this.stats.options(user);
  }
}
