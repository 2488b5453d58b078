import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

export type ProposedSlot = Schemas['ProposedSlotView'];

/** The nearest free slot after a booking, same booth, length and type (409 NO_FREE_SLOT within 30 days). Books nothing. */
export const getProposedSlot = (consultationId: string) => fetchApi<ProposedSlot>(`/api/consultations/${encodeURIComponent(consultationId)}/proposed-slot`);
