import { ApiProperty } from '@nestjs/swagger';
import { toParisIso } from '../common/time/paris-time';
import { CANCELLATION_CAUSES, type CancellationCause } from '../../../shared/scheduling/cancellation';
import { CONSULTATION_STATUSES, ConsultationStatus } from './entities/consultation.entity';

/** The citizen's contact as booked (no account: the booking holds it). */
export class CitizenView {
  @ApiProperty({ example: 'Jeanne Martin' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '+33612345678', description: 'The mobile (SMS), E.164' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+33238301234', description: 'A French landline to call the citizen on (never an SMS), E.164' })
  landline!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'jeanne.martin@example.fr' })
  email!: string | null;
}

/** A consultation as the API shows it: instants with their Paris offset, citizen grouped. */
export class ConsultationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' })
  status!: ConsultationStatus;

  @ApiProperty({ format: 'uuid' })
  boothId!: string;

  @ApiProperty({ format: 'uuid' })
  agentId!: string;

  @ApiProperty({ format: 'uuid' })
  administrationId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  consultationTypeId!: string | null;

  @ApiProperty({ example: '2026-03-30T09:30:00+02:00' })
  startsAt!: string;

  @ApiProperty({ example: '2026-03-30T10:00:00+02:00' })
  endsAt!: string;

  @ApiProperty({ type: CitizenView })
  citizen!: CitizenView;

  @ApiProperty({ type: String, nullable: true })
  cancellationReason!: string | null;

  @ApiProperty({
    enum: CANCELLATION_CAUSES,
    enumName: 'CancellationCause',
    nullable: true,
    description: 'Why it was cancelled, as the statistics group it (set if and only if the status is cancelled)',
  })
  cancellationCause!: CancellationCause | null;

  @ApiProperty({ type: String, nullable: true })
  cancelledAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'When the agent first admitted someone into the call' })
  callStartedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'When the call ended' })
  callEndedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The agent's note on the outcome (not shown to booth terminals)" })
  outcomeNote!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdById!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

/** Names shown on boards, agendas and absence impacts, joined when listing. */
export class ConsultationListItem extends ConsultationView {
  @ApiProperty({ example: 'Cabine 1' })
  boothName!: string;

  @ApiProperty({ format: 'uuid' })
  msapSiteId!: string;

  @ApiProperty({ example: 'France Services de Pithiviers' })
  msapSiteName!: string;

  @ApiProperty({ example: 'Antoine Agent' })
  agentName!: string;

  @ApiProperty({ example: 'DDFIP du Loiret' })
  administrationName!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The consultation type, when the booking has one' })
  subject!: string | null;

  @ApiProperty({ type: [String], description: 'The papers the consultation type asks the citizen to bring (none without a type)' })
  papers!: string[];
}

/** The columns every view is built from, as the data-access classes select them (consultation-columns.ts). */
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
  citizen_landline: string | null;
  citizen_email: string | null;
  cancellation_reason: string | null;
  cancellation_cause: CancellationCause | null;
  cancelled_at: Date | null;
  call_started_at: Date | null;
  call_ended_at: Date | null;
  outcome_note: string | null;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
}

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
    citizen: { name: r.citizen_name, phone: r.citizen_phone, landline: r.citizen_landline, email: r.citizen_email },
    cancellationReason: r.cancellation_reason,
    cancellationCause: r.cancellation_cause,
    cancelledAt: r.cancelled_at ? toParisIso(r.cancelled_at) : null,
    callStartedAt: r.call_started_at ? toParisIso(r.call_started_at) : null,
    callEndedAt: r.call_ended_at ? toParisIso(r.call_ended_at) : null,
    outcomeNote: r.outcome_note,
    createdById: r.created_by_id,
    createdAt: toParisIso(r.created_at),
    updatedAt: toParisIso(r.updated_at),
  };
}

/** A consultation row with the names of its booth, MSAP, agent, administration and type. */
export interface ConsultationListRow extends ConsultationRow {
  booth_name: string;
  msap_site_id: string;
  msap_site_name: string;
  agent_name: string;
  administration_name: string;
  subject: string | null;
  documents: string[] | null;
}

export function toConsultationListItem(r: ConsultationListRow): ConsultationListItem {
  return {
    ...toConsultationView(r),
    boothName: r.booth_name,
    msapSiteId: r.msap_site_id,
    msapSiteName: r.msap_site_name,
    agentName: r.agent_name,
    administrationName: r.administration_name,
    subject: r.subject,
    papers: r.documents ?? [],
  };
}
