import { fetchApi } from '../../../lib/api';
import type { Consultation } from '../../../lib/consultations';
import type { ProposedSlot } from './get-proposed-slot';

/**
 * Moves a booking a schedule change left outside to the slot shown (409 when taken meanwhile); the
 * citizen gets the "moved" SMS and e-mail, and the audit trail says the move came from a schedule change.
 */
export const bookProposedSlot = (consultationId: string, slot: Pick<ProposedSlot, 'startsAt' | 'agentId'>) =>
  fetchApi<Consultation>(`/api/consultations/${encodeURIComponent(consultationId)}/propose-slot`, {
    method: 'POST',
    body: { startsAt: slot.startsAt, agentId: slot.agentId, via: 'schedule' },
  });
