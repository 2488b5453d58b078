import { toParisIso } from '../scheduling/paris-time';
import { ConsultationStatus } from './entities/consultation.entity';

/** A consultation as the API shows it: instants with their Paris offset, citizen grouped. */
export interface ConsultationView {
  id: string;
  status: ConsultationStatus;
  boothId: string;
  agentId: string;
  administrationId: string;
  consultationTypeId: string | null;
  startsAt: string;
  endsAt: string;
  citizen: { name: string; phone: string | null; email: string | null };
  cancellationReason: string | null;
  cancelledAt: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Names shown on boards and agendas, joined when listing. */
export interface ConsultationListItem extends ConsultationView {
  boothName: string;
  msapSiteId: string;
  msapSiteName: string;
  agentName: string;
  administrationName: string;
  subject: string | null;
}

/** The columns every view is built from, as selected by raw SQL (see CONSULTATION_COLUMNS). */
export interface ConsultationRow {
  id: string;
  status: ConsultationStatus;
  booth_id: string;
  agent_id: string;
  administration_id: string;
  consultation_type_id: string | null;
  starts_at: Date;
  ends_at: Date;
  citizen_name: string;
  citizen_phone: string | null;
  citizen_email: string | null;
  cancellation_reason: string | null;
  cancelled_at: Date | null;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export const CONSULTATION_COLUMNS = `id, status, booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at,
  citizen_name, citizen_phone, citizen_email, cancellation_reason, cancelled_at, created_by_id, created_at, updated_at`;

export function toConsultationView(r: ConsultationRow): ConsultationView {
  return {
    id: r.id,
    status: r.status,
    boothId: r.booth_id,
    agentId: r.agent_id,
    administrationId: r.administration_id,
    consultationTypeId: r.consultation_type_id,
    startsAt: toParisIso(r.starts_at),
    endsAt: toParisIso(r.ends_at),
    citizen: { name: r.citizen_name, phone: r.citizen_phone, email: r.citizen_email },
    cancellationReason: r.cancellation_reason,
    cancelledAt: r.cancelled_at ? toParisIso(r.cancelled_at) : null,
    createdById: r.created_by_id,
    createdAt: toParisIso(r.created_at),
    updatedAt: toParisIso(r.updated_at),
  };
}
