import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

/** The agent's short message to the booth waiting in the consultation's lobby. */
export const sendBoothMessage = (consultationId: string, text: string) =>
  fetchApi<Schemas['BoothMessageView']>(`/api/consultations/${encodeURIComponent(consultationId)}/booth-message`, { method: 'POST', body: { text } });
