import type { ConsultationRow } from './consultation-view';

/** The columns every consultation row is read with (ConsultationRow), for the data-access classes. */
export const COLUMNS = [
  'id', 'status', 'booth_id', 'agent_id', 'administration_id', 'consultation_type_id', 'starts_at', 'ends_at',
  'citizen_name', 'citizen_phone', 'citizen_landline', 'citizen_email', 'cancellation_reason', 'cancellation_cause', 'cancelled_at', 'call_started_at', 'call_ended_at',
  'outcome_note', 'created_by_id', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof ConsultationRow>;
export const RETURNING = COLUMNS.join(', ');
/** The same, for a query where the consultation is `c`. */
export const C_COLUMNS = COLUMNS.map((c) => `c.${c}`).join(', ');
