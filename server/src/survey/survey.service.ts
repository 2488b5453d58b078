import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkAnswer, SURVEY_QUESTIONS, SurveyQuestion } from '../../../shared/survey/questions';
import { DevicePrincipal } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import { DomainError, fieldError } from '../common/errors/domain.error';
import { surveyConfig, SurveyConfig } from '../config/configuration';
import { SurveyAnswerView, SurveyTicketView } from './dto/survey.dto';
import { newSurveyToken, readSurveyToken, SurveyTokenPayload } from './survey-tokens';

/** Minutes after the call's end during which the booth may still open its survey. */
export const SURVEY_OPEN_MINUTES = 30;

/** Each question's column: a fixed map, never the path's text, goes into the SQL. */
const COLUMN: Readonly<Record<SurveyQuestion, string>> = {
  satisfaction: 'satisfaction',
  clarity: 'clarity',
  sound: 'sound',
  image: 'image',
  documents: 'documents',
  comment: 'comment',
};

interface SurveyConsultation extends SurveyTokenPayload {
  boothId: string;
  status: string;
  callStarted: boolean;
  endedMinutesAgo: number | null;
  opened: boolean;
}

/**
 * The booth's satisfaction survey, anonymous (see the Survey migration): the consultation's booth
 * opens it once its call has ended and gets a signed token carrying the type, site and
 * administration; each answer is then given with that token alone, one value per question, so a
 * citizen leaving halfway keeps what they gave. The response row is born at the first answer.
 */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(surveyConfig.KEY) private readonly config: SurveyConfig,
  ) {}

  /**
   * 404 NOT_FOUND for another booth's consultation (it does not see them), 409 CONSULTATION_CANCELLED,
   * SURVEY_NOT_AVAILABLE before its call ended or when the citizen never came, TOO_LATE past the
   * window, SURVEY_ALREADY_OPENED the second time.
   */
  async open(device: DevicePrincipal, consultationId: string): Promise<SurveyTicketView> {
    const [c] = (await this.dataSource.query(
      `SELECT c.booth_id AS "boothId", c.status, c.call_started_at IS NOT NULL AS "callStarted",
              extract(epoch FROM now() - c.call_ended_at) / 60 AS "endedMinutesAgo",
              EXISTS (SELECT 1 FROM survey_openings o WHERE o.consultation_id = c.id) AS opened,
              c.consultation_type_id AS "consultationTypeId", b.msap_site_id AS "msapSiteId", c.administration_id AS "administrationId"
         FROM consultations c JOIN booths b ON b.id = c.booth_id WHERE c.id = $1`,
      [consultationId],
    )) as SurveyConsultation[];
    if (!c || c.boothId !== device.boothId) throw new DomainError('NOT_FOUND', 'No such consultation for this booth.');
    if (c.status === 'cancelled') throw new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled.');
    if (!c.callStarted || !['ended', 'done'].includes(c.status) || c.endedMinutesAgo === null) {
      throw new DomainError('SURVEY_NOT_AVAILABLE', 'The survey opens once the consultation’s call has been held and has ended.');
    }
    if (c.opened) throw new DomainError('SURVEY_ALREADY_OPENED', 'The survey of this consultation was already opened.');
    if (Number(c.endedMinutesAgo) > SURVEY_OPEN_MINUTES) throw new DomainError('TOO_LATE', `The survey opens within ${SURVEY_OPEN_MINUTES} minutes of the call’s end.`);

    // Its own statement, and nothing of the token nor of the response: the primary key decides a
    // race between two requests, and the response is written later, by the first answer.
    const opened = (await this.dataSource.query('INSERT INTO survey_openings (consultation_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING consultation_id', [
      consultationId,
    ])) as unknown[];
    if (opened.length === 0) throw new DomainError('SURVEY_ALREADY_OPENED', 'The survey of this consultation was already opened.');
    const { token, expiresAt } = newSurveyToken(this.config.tokenSecret, {
      consultationTypeId: c.consultationTypeId,
      msapSiteId: c.msapSiteId,
      administrationId: c.administrationId,
    });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * One answer, kept as the question's only value: the same again is a retry after a lost reply, a
   * different one corrects a tap by mistake while the survey is open (one value per question, never
   * two; the survey itself cannot be opened twice). Unknown token: 404 SURVEY_UNKNOWN; past its
   * time: 410 TOKEN_EXPIRED.
   */
  async answer(token: string, question: string, value: unknown): Promise<SurveyAnswerView> {
    if (!(SURVEY_QUESTIONS as readonly string[]).includes(question)) {
      throw new DomainError('VALIDATION_FAILED', `question must be one of ${SURVEY_QUESTIONS.join(', ')}.`, fieldError('question', 'NOT_ALLOWED'));
    }
    const q = question as SurveyQuestion;
    const checked = checkAnswer(q, value);
    if (!checked.ok) throw new DomainError('VALIDATION_FAILED', `This value does not answer ${q}.`, fieldError('value', checked.problem));
    const read = readSurveyToken(this.config.tokenSecret, token);
    if (read.state === 'unknown') throw new DomainError('SURVEY_UNKNOWN', 'No such survey.');
    if (read.state === 'expired') throw new DomainError('TOKEN_EXPIRED', 'This survey is closed.');

    const column = COLUMN[q];
    const { consultationTypeId, msapSiteId, administrationId } = read.payload;
    // The first answer creates the response (the token's hash unique: one response per token), in a
    // transaction of its own, apart from the opening. The day only: a finer time would order the
    // responses against the consultations' ends. A type deleted since the opening is left out.
    await this.dataSource.query(
      `INSERT INTO survey_responses (token_hash, consultation_type_id, msap_site_id, administration_id, ${column})
       VALUES ($1, (SELECT id FROM consultation_types WHERE id = $2), $3, $4, $5)
       ON CONFLICT (token_hash) DO UPDATE SET ${column} = EXCLUDED.${column}, updated_on = CURRENT_DATE`,
      [hashToken(token), consultationTypeId, msapSiteId, administrationId, checked.value],
    );
    return { question: q, value: checked.value };
  }
}
