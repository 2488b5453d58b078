import { ApiProperty } from '@nestjs/swagger';
import { ConsultationListItem } from '../../consultations/consultation-view';
import { UnavailabilityView } from './unavailability.view';

/** A colleague who could take the booking over. */
export class ReplacementView {
  @ApiProperty({ format: 'uuid' })
  agentId!: string;

  @ApiProperty({ example: 'Claire Collègue' })
  displayName!: string;
}

/** One booking hit by an absence, with the names the coordinator needs to settle it, and who could take it. */
export class AffectedConsultationView {
  @ApiProperty({ type: ConsultationListItem })
  consultation!: ConsultationListItem;

  @ApiProperty({
    type: [ReplacementView],
    description: 'Agents of the same administration available, not absent and not booked over that interval',
  })
  replacements!: ReplacementView[];
}

export class AbsenceImpactView {
  @ApiProperty({ type: UnavailabilityView })
  absence!: UnavailabilityView;

  @ApiProperty({ type: [AffectedConsultationView], description: 'Scheduled bookings of the agent during the absence, earliest first (at most 500)' })
  affected!: AffectedConsultationView[];
}
