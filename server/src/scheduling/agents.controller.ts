import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../common/http/uuid-param';
import { AbsencesService } from './absences.service';
import { CalendarService } from './calendar.service';
import { AbsenceImpactView } from './dto/absence-impact.view';
import { DateRangeQueryDto, UnavailabilityDto, WeeklyScheduleDto } from './dto/calendar.dto';
import { UnavailabilityView } from './dto/unavailability.view';
import { ScheduleImpactView } from './dto/schedule-impact.view';
import { ScheduleImpactService } from './schedule-impact.service';
import { AgentView, WeeklyRangeView } from './dto/calendar.view';
import { ListConsultationTypesQueryDto } from './dto/consultation-type.dto';

@ApiTags('agents')
@Controller('api/agents')
export class AgentsController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly absences: AbsencesService,
    private readonly impact: ScheduleImpactService,
  ) {}

  @Get()
  @Allow(...ROLES)
  @ApiOkResponse({ type: [AgentView] })
  list(@CurrentUser() user: UserPrincipal, @Query() query: ListConsultationTypesQueryDto) {
    return this.calendar.listAgents(user, query.administrationId);
  }

  @Get(':id/availability')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [WeeklyRangeView] })
  availability(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.calendar.agentAvailability(user, id);
  }

  @Put(':id/availability')
  @Allow('admin', 'coordinator', 'agent')
  @ApiOkResponse({ type: [WeeklyRangeView] })
  setAvailability(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: WeeklyScheduleDto) {
    return this.calendar.setAgentAvailability(user, id, dto);
  }

  /** A dry run of the PUT: the same checks, and the agent's bookings ahead it would leave outside, with free colleagues. Stores nothing. */
  @Post(':id/availability/impact')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'agent')
  @ApiOkResponse({ type: ScheduleImpactView })
  availabilityImpact(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: WeeklyScheduleDto) {
    return this.impact.ofAvailability(user, id, dto);
  }

  /** The agent's bookings ahead outside their stored availability: those still to move, hand over or cancel. */
  @Get(':id/bookings-to-settle')
  @Allow('admin', 'coordinator', 'agent')
  @ApiOkResponse({ type: ScheduleImpactView })
  bookingsToSettle(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.impact.toSettleOfAgent(user, id);
  }

  @Get(':id/absences')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [UnavailabilityView] })
  listAbsences(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Query() query: DateRangeQueryDto) {
    return this.absences.list(user, id, query);
  }

  /** 201 with the absence and the bookings it affects, each with the colleagues free to take it. */
  @Post(':id/absences')
  @Allow('admin', 'coordinator', 'agent')
  @ApiCreatedResponse({ type: AbsenceImpactView })
  declareAbsence(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UnavailabilityDto) {
    return this.absences.declare(user, id, dto);
  }

  @Get(':id/absences/:absenceId/impact')
  @Allow('admin', 'coordinator', 'agent')
  @ApiOkResponse({ type: AbsenceImpactView })
  absenceImpact(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Param('absenceId', uuidParam('absenceId')) absenceId: string) {
    return this.absences.impact(user, id, absenceId);
  }

  @Delete(':id/absences/:absenceId')
  @HttpCode(204)
  @Allow('admin', 'coordinator', 'agent')
  removeAbsence(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Param('absenceId', uuidParam('absenceId')) absenceId: string) {
    return this.absences.remove(user, id, absenceId);
  }
}
