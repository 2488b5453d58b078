import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { CallFeedbackService } from './call-feedback.service';
import { SurveyController } from './survey.controller';
import { SurveyService } from './survey.service';

/** After the call: the citizen's anonymous survey at the booth, the agent's and facilitator's feedback. */
@Module({
  imports: [AuditModule, ConsultationsModule],
  controllers: [SurveyController],
  providers: [SurveyService, CallFeedbackService],
})
export class SurveyModule {}
