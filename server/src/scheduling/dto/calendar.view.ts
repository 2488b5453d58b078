import { ApiProperty } from '@nestjs/swagger';

/** One weekly range in Paris local time (09:00 stays 09:00 across a daylight-saving change). */
export class WeeklyRangeView {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' })
  weekday!: number;

  @ApiProperty({ example: '09:00' })
  start!: string;

  @ApiProperty({ example: '12:30' })
  end!: string;
}

export class AgentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Antoine Agent' })
  displayName!: string;

  @ApiProperty({ example: 'Inspecteur des finances publiques' })
  title!: string;

  @ApiProperty({ format: 'uuid' })
  administrationId!: string;
}

/** What a booking is about, its length and the documents the citizen should bring. */
export class ConsultationTypeView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  administrationId!: string;

  @ApiProperty({ example: 'Impôt sur le revenu' })
  subject!: string;

  @ApiProperty({ example: 30 })
  durationMinutes!: number;

  @ApiProperty({ type: [String], example: ['Dernier avis d’imposition'] })
  documents!: string[];

  @ApiProperty({ description: 'Retired types stay for past consultations but are not offered any more' })
  active!: boolean;
}

export function toConsultationTypeView(t: ConsultationTypeView): ConsultationTypeView {
  return { id: t.id, administrationId: t.administrationId, subject: t.subject, durationMinutes: t.durationMinutes, documents: t.documents, active: t.active };
}
