import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/decorators/allow.decorator';
import { CurrentUser } from '../../auth/decorators/principal.decorator';
import { UserPrincipal } from '../../auth/principal';
import { uuidParam } from '../../common/http/uuid-param';
import { BoothMessageView, SendBoothMessageDto } from './booth-message.dto';
import { BoothMessages } from './booth-messages.service';

@ApiTags('consultations')
@Controller('api/consultations')
export class BoothMessageController {
  constructor(private readonly messages: BoothMessages) {}

  /**
   * The agent's short message to the booth waiting for them ("J'arrive dans 5 minutes"), shown
   * large in its lobby. 403 NOT_CONSULTATION_AGENT for another agent's consultation (nothing is
   * relayed), 409 when the consultation is over, 403 OUTSIDE_WINDOW before or after its join
   * window (as the booth's own join), 429 past a few a minute.
   */
  @Post(':id/booth-message')
  @HttpCode(200)
  @Allow('agent')
  @ApiOkResponse({ type: BoothMessageView })
  send(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: SendBoothMessageDto) {
    return this.messages.send(user, id, dto.text);
  }
}
