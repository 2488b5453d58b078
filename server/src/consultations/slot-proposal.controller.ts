import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { ConsultationListItem } from './consultation-view';
import { ProposeSlotDto, ProposedSlotView } from './dto/propose-slot.dto';
import { SlotProposalService } from './slot-proposal.service';

/** Another slot for a booking its agent cannot hold: shown, then booked (the citizen is told). */
@ApiTags('consultations')
@Controller('api/consultations')
export class SlotProposalController {
  constructor(private readonly proposals: SlotProposalService) {}

  /** The nearest free slot after the booking (same booth, length and type), within 30 days; 409 NO_FREE_SLOT when none. */
  @Get(':id/proposed-slot')
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: ProposedSlotView })
  preview(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.proposals.preview(user, id);
  }

  /** Moves the booking to the slot previewed (or the nearest); 409 when it was taken meanwhile or none is free. */
  @Post(':id/propose-slot')
  @HttpCode(200)
  @Allow('admin', 'coordinator')
  @ApiOkResponse({ type: ConsultationListItem })
  book(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: ProposeSlotDto) {
    return this.proposals.book(user, id, dto);
  }
}
