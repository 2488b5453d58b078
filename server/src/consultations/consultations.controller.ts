import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentPrincipal, CurrentUser } from '../auth/decorators/principal.decorator';
import { Principal, UserPrincipal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../common/http/uuid-param';
import { parseRange } from '../scheduling/time-range';
import { ConsultationListItem, ConsultationView } from './consultation-view';
import { ConsultationQueries } from './consultation-queries.service';
import { ConsultationsService } from './consultations.service';
import { BookConsultationDto } from './dto/book-consultation.dto';
import { CancelConsultationDto, ReassignConsultationDto, RecordOutcomeDto, RescheduleConsultationDto } from './dto/change-consultation.dto';
import { ListConsultationsQueryDto } from './dto/list-consultations.dto';

@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationsController {
  constructor(
    private readonly queries: ConsultationQueries,
    private readonly consultations: ConsultationsService,
  ) {}

  /** Agendas and boards: the caller's consultations over at most a year, with names. */
  @Get()
  @Allow(...ROLES, 'device')
  @ApiOkResponse({ type: [ConsultationListItem] })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListConsultationsQueryDto) {
    const { from, to, ...filters } = query;
    const range = parseRange(['from', 'to'], from, to);
    return this.queries.list(principal, range.from, range.to, filters);
  }

  @Get(':id')
  @Allow(...ROLES, 'device')
  @ApiOkResponse({ type: ConsultationListItem })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string) {
    return this.queries.get(principal, id);
  }

  /** 201 with the consultation; 409 naming the booth or the agent when the interval is taken. */
  @Post()
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiCreatedResponse({ type: ConsultationView })
  book(@CurrentUser() user: UserPrincipal, @Body() dto: BookConsultationDto) {
    return this.consultations.book(user, dto);
  }

  @Patch(':id')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: ConsultationView })
  reschedule(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: RescheduleConsultationDto) {
    return this.consultations.reschedule(user, id, dto);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: ConsultationView })
  reassign(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: ReassignConsultationDto) {
    return this.consultations.reassign(user, id, dto.agentId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: ConsultationView })
  cancel(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: CancelConsultationDto) {
    return this.consultations.cancel(user, id, dto.reason, dto.cause);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'facilitator', 'agent')
  @ApiOkResponse({ type: ConsultationView })
  outcome(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: RecordOutcomeDto) {
    return this.consultations.recordOutcome(user, id, dto);
  }
}
