import { Body, Controller, Get, Header, HttpCode, MessageEvent, Param, Post, Query, Req, Res, Sse } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Allow } from '../auth/decorators/allow.decorator';
import { AuthenticatedRequest, CurrentPrincipal, CurrentUser } from '../auth/decorators/principal.decorator';
import { Principal, UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { ActivityExportService } from './activity-export.service';
import { DeskEvents } from './desk-events';
import { ActivityQueryDto, ActivityRecordView } from './dto/activity.dto';
import { DeskService } from './desk.service';
import { DeskQueryDto, ListDeskMessagesQueryDto, SendDeskMessageDto } from './dto/desk.dto';
import { DeskDayView, DeskMessageView } from './dto/desk.view';

@ApiTags('desk')
@Controller('api')
export class DeskController {
  constructor(
    private readonly desk: DeskService,
    private readonly events: DeskEvents,
    private readonly activity: ActivityExportService,
  ) {}

  /**
   * The site's support activity over a period (held consultations), as JSON records or as a CSV
   * file (`format=csv`), field for field the digital-mediation activity record.
   */
  @Get('support-activity')
  @Allow('facilitator', 'coordinator', 'admin')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: [ActivityRecordView] })
  async exportActivity(@CurrentUser() user: UserPrincipal, @Query() query: ActivityQueryDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const records = await this.activity.records(user, query, req.ip ?? null);
    if (query.format !== 'csv') return records;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="activite-accompagnement-${query.from}-${query.to}.csv"`);
    return this.activity.csv(records);
  }

  /** A France Services site's day: consultations with their live state and checklist, booths, alerts. */
  @Get('desk')
  @Allow('facilitator', 'coordinator', 'admin')
  @ApiOkResponse({ type: DeskDayView })
  day(@CurrentUser() user: UserPrincipal, @Query() query: DeskQueryDto) {
    return this.desk.day(user, query.siteId, query.date);
  }

  /**
   * Server-sent events: `change` each time the site's day changed (read GET /api/desk again),
   * `ping` every 25 s. The desk also reads its day again at its `recheckAt`.
   */
  @Sse('desk/events')
  // nginx and its kin hold a proxied answer until it ends unless told not to.
  @Header('X-Accel-Buffering', 'no')
  @Allow('facilitator', 'coordinator', 'admin')
  @ApiProduces('text/event-stream')
  async stream(@CurrentUser() user: UserPrincipal, @Query() query: DeskQueryDto): Promise<Observable<MessageEvent>> {
    return this.events.stream((await this.desk.siteFor(user, query.siteId)).id);
  }

  /** A short message to the consultation's agent: shown at once in their call, and on their home page. */
  @Post('consultations/:id/desk-messages')
  @Allow('facilitator')
  @HttpCode(201)
  @ApiOkResponse({ type: DeskMessageView })
  send(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: SendDeskMessageDto, @Req() req: AuthenticatedRequest) {
    return this.desk.sendMessage(user, id, dto.body, req.ip ?? null);
  }

  /**
   * Server-sent events for an agent's home page: `change` when a facilitator writes about one of
   * their consultations (read GET /api/desk-messages again), `ping` every 25 s.
   */
  @Sse('desk-messages/events')
  @Header('X-Accel-Buffering', 'no')
  @Allow('agent')
  @ApiProduces('text/event-stream')
  agentStream(@CurrentUser() user: UserPrincipal, @Query() _query: ListDeskMessagesQueryDto): Observable<MessageEvent> {
    return this.events.agentStream(user.userId);
  }

  /** A day's messages: to an agent about their consultations, or sent about a facilitator's site. */
  @Get('desk-messages')
  @Allow('agent', 'facilitator')
  @ApiOkResponse({ type: [DeskMessageView] })
  messages(@CurrentPrincipal() principal: Principal, @Query() query: ListDeskMessagesQueryDto) {
    return this.desk.messages(principal, query.date);
  }
}
