import { ApiProperty } from '@nestjs/swagger';
import { AffectedConsultationView } from './absence-impact.view';

/** What a schedule change would do (or did) to the bookings already made; computing it stores nothing. */
export class ScheduleImpactView {
  @ApiProperty({
    type: [AffectedConsultationView],
    description:
      'Scheduled bookings ahead that the schedule leaves outside, earliest first (at most 500). `replacements` lists free colleagues for a change of an agent’s availability; it is empty for an MSAP’s opening hours or closure (another agent would not open the MSAP).',
  })
  affected!: AffectedConsultationView[];

  @ApiProperty({ description: 'How many bookings the schedule leaves outside (more than `affected` lists past 500)' })
  total!: number;
}
