import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { BookingService } from './booking.service';
import { BookConsultationDto } from './dto/book-consultation.dto';
import { CancelConsultationDto, ReassignConsultationDto, RecordOutcomeDto, RescheduleConsultationDto } from './dto/reschedule-consultation.dto';

@ApiTags('consultations')
@Controller('api/consultations')
export class BookingController {
  constructor(private readonly booking: BookingService) {}

  /** 201 with the consultation; 409 naming the booth or the agent when the interval is taken. */
  @Post()
  @Allow('admin', 'coordinator', 'facilitator')
  book(@CurrentUser() user: UserPrincipal, @Body() dto: BookConsultationDto) {
    return this.booking.book(user, dto);
  }

  @Patch(':id')
  @Allow('admin', 'coordinator', 'facilitator')
  reschedule(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: RescheduleConsultationDto) {
    return this.booking.reschedule(user, id, dto);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Allow('admin', 'coordinator')
  reassign(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: ReassignConsultationDto) {
    return this.booking.reassign(user, id, dto.agentId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'facilitator')
  cancel(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: CancelConsultationDto) {
    return this.booking.cancel(user, id, dto.reason);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Allow('admin', 'coordinator', 'facilitator', 'agent')
  outcome(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: RecordOutcomeDto) {
    return this.booking.recordOutcome(user, id, dto);
  }
}
