import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/decorators/allow.decorator';
import { CurrentUser } from '../../auth/decorators/principal.decorator';
import { UserPrincipal } from '../../auth/principal';
import { uuidParam } from '../../common/http/uuid-param';
import { CreateMassCancellationDto, PreviewMassCancellationQueryDto, ReportQueryDto } from './dto/mass-cancellation.dto';
import { MassCancellationService } from './mass-cancellation.service';

/** Coordinators cancel many consultations of their département at once, with one message. */
@ApiTags('mass-cancellations')
@Controller('api/mass-cancellations')
@Allow('coordinator')
export class MassCancellationController {
  constructor(private readonly massCancellations: MassCancellationService) {}

  @Get('preview')
  preview(@CurrentUser() user: UserPrincipal, @Query() query: PreviewMassCancellationQueryDto) {
    return this.massCancellations.preview(user, query);
  }

  /** Confirms: the job starts in the background; poll GET /:id for progress. */
  @Post()
  @HttpCode(202)
  create(@CurrentUser() user: UserPrincipal, @Body() dto: CreateMassCancellationDto) {
    return this.massCancellations.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: UserPrincipal) {
    return this.massCancellations.list(user);
  }

  @Get(':id')
  get(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.massCancellations.get(user, id);
  }

  @Get(':id/report')
  report(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Query() query: ReportQueryDto) {
    return this.massCancellations.report(user, id, query);
  }
}
