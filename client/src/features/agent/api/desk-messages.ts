import type { Schemas } from '../../../api/schemas';
import { fetchApi } from '../../../lib/api';

export type DeskMessage = Schemas['DeskMessageView'];

/** Today's short messages from the France Services facilitators about the agent's consultations. */
export const listDeskMessages = () => fetchApi<DeskMessage[]>('/api/desk-messages');
