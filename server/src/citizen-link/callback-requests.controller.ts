import { Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { CallbackRequestsService } from './callback-requests.service';
import { CallbackRequestView, ListCallbackRequestsQueryDto } from './dto/callback-request.view';
import { SlipService } from './slip/slip.service';

/** What staff do with the citizens' links: the callback requests to handle, and the printed slip. */
@ApiTags('citizen')
@Controller('api')
export class CallbackRequestsController {
  constructor(
    private readonly callbacks: CallbackRequestsService,
    private readonly slips: SlipService,
  ) {}

  /** "Demandes de rappel": the France Services' own, the coordination's département. */
  @Get('callback-requests')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: [CallbackRequestView] })
  list(@CurrentUser() user: UserPrincipal, @Query() query: ListCallbackRequestsQueryDto) {
    return this.callbacks.list(user, query.status);
  }

  @Post('callback-requests/:id/handle')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: CallbackRequestView })
  handle(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.callbacks.handle(user, id);
  }

  /** A one-page A4 PDF for the citizen, with a fresh personal link (audited `slip.printed`). */
  @Get('consultations/:id/slip.pdf')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The slip (application/pdf)' })
  async slip(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) res: Response) {
    const slip = await this.slips.print(user, id);
    res.setHeader('Cache-Control', 'private, no-store');
    // Inline: opened in a tab, the browser's viewer prints it (a tablet has no downloads folder to open).
    return new StreamableFile(slip.pdf, { type: 'application/pdf', disposition: `inline; filename="${slip.fileName}"`, length: slip.pdf.length });
  }
}
