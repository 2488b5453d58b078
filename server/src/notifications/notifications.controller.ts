import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OutboxPageView } from './dto/outbox.view';
import { CancellationNoticeView } from './dto/cancellation-notice.view';
import { CancellationNoticeService } from './cancellation-notice.service';
import { CancelConsultationDto } from '../consultations/dto/change-consultation.dto';
import { uuidParam } from '../common/http/uuid-param';
import { Allow, Public } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { IcsFeedCreatedView, IcsFeedStatusView } from './dto/ics-feed.view';
import { ListOutboxQueryDto } from './dto/list-outbox.dto';
import { IcsFeedService } from './ics/ics-feed.service';
import { OutboxQueryService } from './outbox-query.service';

@ApiTags('notifications')
@Controller('api')
export class NotificationsController {
  constructor(
    private readonly outbox: OutboxQueryService,
    private readonly feeds: IcsFeedService,
    private readonly notices: CancellationNoticeService,
  ) {}

  /** Every message written, sent or not: the "Outbox" page, and where messages land with no provider. */
  @Get('notifications/outbox')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: OutboxPageView })
  list(@CurrentUser() user: UserPrincipal, @Query() query: ListOutboxQueryDto) {
    return this.outbox.list(user, query);
  }

  /**
   * What cancelling with this reason would send the citizen (SMS, e-mail, or a call to make), before
   * cancelling: the same body and checks as POST /api/consultations/:id/cancel; nothing changes.
   */
  @Post('consultations/:id/cancellation-notice')
  @Allow('admin', 'coordinator', 'facilitator')
  @HttpCode(200)
  @ApiOkResponse({ type: CancellationNoticeView })
  cancellationNotice(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: CancelConsultationDto) {
    return this.notices.cancellation(user, id, dto.reason);
  }

  /** Whether the agent's calendar feed exists, since when, and when it was last read (never its URL). */
  @Get('notifications/ics-feed')
  @Allow('agent')
  @ApiOkResponse({ type: IcsFeedStatusView })
  feedStatus(@CurrentUser() user: UserPrincipal) {
    return this.feeds.status(user);
  }

  /** Creates or rotates the agent's calendar feed; the URL is shown only in this answer. */
  @Post('notifications/ics-feed')
  @Allow('agent')
  @ApiCreatedResponse({ type: IcsFeedCreatedView })
  createFeed(@CurrentUser() user: UserPrincipal, @Req() req: Request) {
    return this.feeds.rotate(user, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  }

  @Delete('notifications/ics-feed')
  @Allow('agent')
  @HttpCode(204)
  revokeFeed(@CurrentUser() user: UserPrincipal) {
    return this.feeds.revoke(user);
  }

  /** Public: calendar apps cannot sign in; the secret token in the path is the credential. */
  @Get('ics/:file')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  feed(@Param('file') file: string, @Req() req: Request) {
    return this.feeds.feed(file, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  }
}
