import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MassCancellationJobView, MassCancellationMessagesView, MassCancellationPreviewView, MassCancellationReportView } from './dto/mass-cancellation.view';
import { Allow } from '../../auth/decorators/allow.decorator';
import { CurrentUser } from '../../auth/decorators/principal.decorator';
import { UserPrincipal } from '../../auth/principal';
import { uuidParam } from '../../common/http/uuid-param';
import { CreateMassCancellationDto, PreviewMassCancellationMessageDto, PreviewMassCancellationQueryDto, ReportQueryDto } from './dto/mass-cancellation.dto';
import { MassCancellationService } from './mass-cancellation.service';

/** Coordinators cancel many consultations of their département at once, with one message. */
@ApiTags('mass-cancellations')
@Controller('api/mass-cancellations')
@Allow('coordinator')
export class MassCancellationController {
  constructor(private readonly massCancellations: MassCancellationService) {}

  @Get('preview')
  @ApiOkResponse({ type: MassCancellationPreviewView })
  preview(@CurrentUser() user: UserPrincipal, @Query() query: PreviewMassCancellationQueryDto) {
    return this.massCancellations.preview(user, query);
  }

  /**
   * The message step: 422 (field `message`: REQUIRED, UNKNOWN_PLACEHOLDERS, TOO_LONG) before going
   * on; else the exact texts the first citizens will get. Cancels nothing.
   */
  @Post('message-preview')
  @HttpCode(200)
  @ApiOkResponse({ type: MassCancellationMessagesView })
  previewMessages(@CurrentUser() user: UserPrincipal, @Body() dto: PreviewMassCancellationMessageDto) {
    return this.massCancellations.previewMessages(user, dto);
  }

  /** Confirms: the job starts in the background; poll GET /:id for progress. */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: MassCancellationJobView })
  create(@CurrentUser() user: UserPrincipal, @Body() dto: CreateMassCancellationDto) {
    return this.massCancellations.create(user, dto);
  }

  @Get()
  @ApiOkResponse({ type: [MassCancellationJobView] })
  list(@CurrentUser() user: UserPrincipal) {
    return this.massCancellations.list(user);
  }

  @Get(':id')
  @ApiOkResponse({ type: MassCancellationJobView })
  get(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.massCancellations.get(user, id);
  }

  @Get(':id/report')
  @ApiOkResponse({ type: MassCancellationReportView })
  report(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Query() query: ReportQueryDto) {
    return this.massCancellations.report(user, id, query);
  }
}
