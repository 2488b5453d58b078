/**
 * The booth's satisfaction survey, shared by the server (which validates and stores the answers)
 * and the booth (which shows the questions): one tap per question, the comment optional.
 */

/** Three faces, as Services Publics+ asks: bad, medium, good. */
export const FACE_LEVELS = ['bad', 'medium', 'good'] as const;
export type FaceLevel = (typeof FACE_LEVELS)[number];

/** The quality of the call's sound, image and documents. */
export const QUALITY_LEVELS = ['good', 'medium', 'bad'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

/** Documents may not have been used during the call. */
export const DOCUMENT_LEVELS = [...QUALITY_LEVELS, 'not_concerned'] as const;
export type DocumentLevel = (typeof DOCUMENT_LEVELS)[number];

export const CLARITY_MIN = 1;
export const CLARITY_MAX = 5;
/** The free comment: short, and erased after the citizen-data limit (it may name someone). */
export const SURVEY_COMMENT_MAX = 500;

/** Each question and its column of survey_responses, in the order the booth shows them. */
export const SURVEY_QUESTIONS = ['satisfaction', 'clarity', 'sound', 'image', 'documents', 'comment'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

export interface SurveyAnswers {
  satisfaction: FaceLevel;
  clarity: number;
  sound: QualityLevel;
  image: QualityLevel;
  documents: DocumentLevel;
  comment: string;
}

/** C0 and C1 control characters (tabs and line breaks are allowed in a comment). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Why an answer is refused, as the API's field codes. */
export type AnswerProblem = 'NOT_ALLOWED' | 'INVALID_TYPE' | 'TOO_LONG' | 'TOO_SHORT' | 'CONTROL_CHARACTER';

/** The answer as stored, or why it is refused: one rule for the server and the booth. */
export function checkAnswer<Q extends SurveyQuestion>(question: Q, value: unknown): { ok: true; value: SurveyAnswers[Q] } | { ok: false; problem: AnswerProblem } {
  const ok = (v: unknown) => ({ ok: true as const, value: v as SurveyAnswers[Q] });
  const no = (problem: AnswerProblem) => ({ ok: false as const, problem });
  switch (question) {
    case 'satisfaction':
      return (FACE_LEVELS as readonly unknown[]).includes(value) ? ok(value) : no('NOT_ALLOWED');
    case 'sound':
    case 'image':
      return (QUALITY_LEVELS as readonly unknown[]).includes(value) ? ok(value) : no('NOT_ALLOWED');
    case 'documents':
      return (DOCUMENT_LEVELS as readonly unknown[]).includes(value) ? ok(value) : no('NOT_ALLOWED');
    case 'clarity':
      if (typeof value !== 'number' || !Number.isInteger(value)) return no('INVALID_TYPE');
      return value >= CLARITY_MIN && value <= CLARITY_MAX ? ok(value) : no('NOT_ALLOWED');
    case 'comment': {
      if (typeof value !== 'string') return no('INVALID_TYPE');
      const text = value.trim();
      if (text.length === 0) return no('TOO_SHORT');
      if (text.length > SURVEY_COMMENT_MAX) return no('TOO_LONG');
      return CONTROL.test(text) ? no('CONTROL_CHARACTER') : ok(text);
    }
    default:
      return no('NOT_ALLOWED');
  }
}
