import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { SURVEY_QUESTIONS, SurveyQuestion } from '../../../../shared/survey/questions';

/** A survey opened for the booth: its one-time token, to be kept in memory only. */
export class SurveyTicketView {
  @ApiProperty({ description: 'Signed by the server; sent back in the path of each answer; stored nowhere but as its hash, from the first answer' })
  token!: string;

  @ApiProperty({ description: 'The answers are refused after it (410 TOKEN_EXPIRED)' })
  expiresAt!: string;
}

/** One answer: a level, a clarity from 1 to 5, or the comment, depending on the question. */
export class SurveyAnswerDto {
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    example: 'good',
    description: 'satisfaction: bad | medium | good; clarity: 1–5; sound, image: good | medium | bad; documents: also not_concerned; comment: text ≤ 500, no control character',
  })
  @IsDefined()
  value!: string | number;
}

export class SurveyAnswerView {
  @ApiProperty({ enum: SURVEY_QUESTIONS, enumName: 'SurveyQuestion' })
  question!: SurveyQuestion;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }], description: 'As stored (a comment trimmed)' })
  value!: string | number;
}
