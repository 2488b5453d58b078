import { Body, Controller, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/allow.decorator';
import { AuthenticatedRequest } from '../auth/decorators/principal.decorator';
import { CitizenAppointmentsService } from './citizen-appointments.service';
import { CitizenAppointmentView } from './dto/citizen-appointment.view';
import { RequestCallbackDto } from './dto/request-callback.dto';

/**
 * Public: the citizen has no account; the token in the path (from their confirmation or slip) is the
 * credential. Unknown tokens are a uniform 404 LINK_UNKNOWN, counted per address (429 beyond).
 */
@ApiTags('citizen')
@Controller('api/citizen/appointments')
export class CitizenAppointmentsController {
  constructor(private readonly appointments: CitizenAppointmentsService) {}

  /** The appointment (410 LINK_EXPIRED some days after it). */
  @Get(':token')
  @Public()
  @Header('Cache-Control', 'private, no-store')
  @ApiOkResponse({ type: CitizenAppointmentView })
  get(@Param('token') token: string, @Req() req: AuthenticatedRequest) {
    return this.appointments.view(token, req.ip ?? null);
  }

  /** 409 TOO_LATE once it has started, CONSULTATION_CANCELLED when it already was. */
  @Post(':token/cancel')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: CitizenAppointmentView })
  cancel(@Param('token') token: string, @Req() req: AuthenticatedRequest) {
    return this.appointments.cancel(token, req.ip ?? null);
  }

  /** 409 CALLBACK_ALREADY_REQUESTED while one waits. */
  @Post(':token/callback-request')
  @Public()
  @ApiCreatedResponse({ type: CitizenAppointmentView })
  requestCallback(@Param('token') token: string, @Body() dto: RequestCallbackDto, @Req() req: AuthenticatedRequest) {
    return this.appointments.requestCallback(token, dto, req.ip ?? null);
  }
}
