import { fetchApi } from '../../../lib/api';
import { Consultation } from '../../../lib/consultations';
import type { ProposedSlot } from './get-proposed-slot';

/** Moves the booking to the slot shown (409 when taken meanwhile); the citizen gets the "moved" SMS and e-mail. */
export const bookProposedSlot = (consultationId: string, slot: Pick<ProposedSlot, 'startsAt' | 'agentId'>) =>
  fetchApi<Consultation>(`/api/consultations/${encodeURIComponent(consultationId)}/propose-slot`, {
    method: 'POST',
    body: { startsAt: slot.startsAt, agentId: slot.agentId },
  });
