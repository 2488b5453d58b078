import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WeeklyRangeView } from './dto/calendar.view';
import { UnavailabilityView } from './dto/unavailability.view';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { uuidParam } from '../common/http/uuid-param';
import { CalendarService } from './calendar.service';
import { DateRangeQueryDto, UnavailabilityDto, WeeklyScheduleDto } from './dto/calendar.dto';
import { ScheduleImpactView } from './dto/schedule-impact.view';
import { ScheduleImpactService } from './schedule-impact.service';

@ApiTags('msap-sites')
@Controller('api/msap-sites')
export class SiteCalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly impact: ScheduleImpactService,
  ) {}

  @Get(':id/opening-hours')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [WeeklyRangeView] })
  openingHours(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.calendar.openingHours(user, id);
  }

  @Put(':id/opening-hours')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: [WeeklyRangeView] })
  setOpeningHours(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: WeeklyScheduleDto) {
    return this.calendar.setOpeningHours(user, id, dto);
  }

  /** A dry run of the PUT: the same checks, and the bookings ahead these hours would leave outside. Stores nothing. */
  @Post(':id/opening-hours/impact')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: ScheduleImpactView })
  openingHoursImpact(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: WeeklyScheduleDto) {
    return this.impact.ofOpeningHours(user, id, dto);
  }

  /** The bookings ahead that the MSAP's stored hours and closures no longer hold: those still to move or cancel. */
  @Get(':id/bookings-to-settle')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: ScheduleImpactView })
  bookingsToSettle(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.impact.toSettleAtSite(user, id);
  }

  @Get(':id/closures')
  @Allow(...ROLES)
  @ApiOkResponse({ type: [UnavailabilityView] })
  closures(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Query() query: DateRangeQueryDto) {
    return this.calendar.closures(user, id, query);
  }

  @Post(':id/closures')
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiCreatedResponse({ type: UnavailabilityView })
  addClosure(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UnavailabilityDto) {
    return this.calendar.addClosure(user, id, dto);
  }

  /** A dry run of the POST: the same checks, and the bookings ahead this closure would fall on. Stores nothing. */
  @Post(':id/closures/impact')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'facilitator')
  @ApiOkResponse({ type: ScheduleImpactView })
  closureImpact(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UnavailabilityDto) {
    return this.impact.ofClosure(user, id, dto);
  }

  @Delete(':id/closures/:closureId')
  @HttpCode(204)
  @Allow('admin', 'coordinator', 'facilitator')
  removeClosure(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Param('closureId', uuidParam('closureId')) closureId: string) {
    return this.calendar.removeClosure(user, id, closureId);
  }
}
