import { fetchApi } from '../../../lib/api';
import type { Schemas } from '../../../api/schemas';

export type JoinWindowRule = Schemas['JoinWindowView'];

/** When the server lets a call be entered (minutes around the booked times), with its clock. */
export const getJoinWindow = () => fetchApi<JoinWindowRule>('/api/calls/join-window');
