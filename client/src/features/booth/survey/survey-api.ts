import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';
import type { SurveyQuestion } from '@shared/survey/questions';

const opened = new Map<string, Promise<Schemas['SurveyTicketView']>>();

/**
 * The survey's one-time token for this consultation, asked once per page (a re-render or React's
 * double effects reuse the same answer). It lives in this page's memory only: the privacy wipe's
 * reload drops it.
 */
export function openSurvey(consultationId: string): Promise<Schemas['SurveyTicketView']> {
  let ticket = opened.get(consultationId);
  if (!ticket) {
    ticket = fetchApi<Schemas['SurveyTicketView']>(`/api/consultations/${encodeURIComponent(consultationId)}/survey`, { method: 'POST' });
    opened.set(consultationId, ticket);
  }
  return ticket;
}

/** One answer, saved at once; another one to the same question replaces it. */
export const answerSurvey = (token: string, question: SurveyQuestion, value: string | number) =>
  fetchApi<Schemas['SurveyAnswerView']>(`/api/surveys/${encodeURIComponent(token)}/answers/${question}`, { method: 'PUT', body: { value } });
