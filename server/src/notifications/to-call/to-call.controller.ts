import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/decorators/allow.decorator';
import { CurrentUser } from '../../auth/decorators/principal.decorator';
import { UserPrincipal } from '../../auth/principal';
import { uuidParam } from '../../common/http/uuid-param';
import { ListToCallQueryDto } from './dto/list-to-call.dto';
import { ToCallPageView } from './dto/to-call.view';
import { ToCallService } from './to-call.service';

/**
 * Citizens to phone about a booking, a move or a cancellation that no SMS or e-mail could carry:
 * for the coordinators of the département and the facilitators of the MSAP.
 */
@ApiTags('to-call')
@Controller('api/to-call')
@Allow('admin', 'coordinator', 'facilitator')
export class ToCallController {
  constructor(private readonly toCall: ToCallService) {}

  /** Upcoming appointments only, soonest first; one line per appointment (its latest change). */
  @Get()
  @ApiOkResponse({ type: ToCallPageView })
  list(@CurrentUser() user: UserPrincipal, @Query() query: ListToCallQueryDto) {
    return this.toCall.list(user, query);
  }

  /** The citizen was called: the line leaves the list (audited as to_call.handled). 409 if someone already did. */
  @Post(':id/handled')
  @HttpCode(204)
  @ApiNoContentResponse()
  handled(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string) {
    return this.toCall.markHandled(user, id);
  }
}
