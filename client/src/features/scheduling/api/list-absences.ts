import { fetchApi, query } from '../../../lib/api';
import type { QueryOf, Schemas } from '../../../api/schemas';

/** An absence with whose it is. */
export type AbsenceItem = Schemas['AbsenceListItemView'];

/** The absences overlapping [from, to) of every agent the caller manages, or of one, earliest first. */
export const listAbsences = (q: QueryOf<'AbsencesController_list'>) => fetchApi<AbsenceItem[]>(`/api/absences${query({ ...q })}`);
