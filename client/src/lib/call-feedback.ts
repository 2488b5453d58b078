import type { Schemas } from '../api/schemas';
import { fetchApi } from './api';

export type CallFeedback = Schemas['CallFeedbackDto'];

/** The agent's or facilitator's problems with a call (sent again, it replaces theirs). */
export const recordCallFeedback = (consultationId: string, body: CallFeedback) =>
  fetchApi<Schemas['CallFeedbackView']>(`/api/consultations/${encodeURIComponent(consultationId)}/call-feedback`, { method: 'PUT', body });
