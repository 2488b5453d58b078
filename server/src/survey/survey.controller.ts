import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentPrincipal, CurrentUser } from '../auth/decorators/principal.decorator';
import { Principal, UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { uuidParam } from '../common/http/uuid-param';
import { CallFeedbackService } from './call-feedback.service';
import { CallFeedbackDto, CallFeedbackView } from './dto/call-feedback.dto';
import { SurveyAnswerDto, SurveyAnswerView, SurveyTicketView } from './dto/survey.dto';
import { SurveyService } from './survey.service';

/** The booth's survey after a call (booth terminals only) and the staff's word on the call. */
@ApiTags('survey')
@Controller('api')
export class SurveyController {
  constructor(
    private readonly surveys: SurveyService,
    private readonly feedback: CallFeedbackService,
  ) {}

  /** Once per consultation, by its booth, after its call ended: the token to answer with. */
  @Post('consultations/:id/survey')
  @Allow('device')
  @ApiCreatedResponse({ type: SurveyTicketView })
  open(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string) {
    if (principal.kind !== 'device') throw new DomainError('FORBIDDEN', 'Only a booth terminal opens a survey.');
    return this.surveys.open(principal, id);
  }

  /** One answer, saved at once; the same answer again is a no-op, another one 409. */
  @Put('surveys/:token/answers/:question')
  @Allow('device')
  @HttpCode(200)
  @ApiOkResponse({ type: SurveyAnswerView })
  answer(@Param('token') token: string, @Param('question') question: string, @Body() dto: SurveyAnswerDto) {
    return this.surveys.answer(token, question, dto.value);
  }

  @Put('consultations/:id/call-feedback')
  @Allow('agent', 'facilitator')
  @HttpCode(200)
  @ApiOkResponse({ type: CallFeedbackView })
  callFeedback(@CurrentUser() user: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: CallFeedbackDto) {
    return this.feedback.record(user, id, dto);
  }
}
