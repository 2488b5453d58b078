import { ApiProperty } from '@nestjs/swagger';

/** An agent's absence or an MSAP's closure, as the API answers it (Paris offsets). */
export class UnavailabilityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-04-06T00:00:00+02:00' })
  startsAt!: string;

  @ApiProperty({ example: '2026-04-11T00:00:00+02:00' })
  endsAt!: string;

  @ApiProperty({ example: 'Formation', description: 'Empty when none was given' })
  reason!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdById!: string | null;
}

/** An absence in a list of several agents': whose it is. */
export class AbsenceListItemView extends UnavailabilityView {
  @ApiProperty({ format: 'uuid' })
  agentId!: string;

  @ApiProperty({ example: 'Antoine Agent' })
  agentName!: string;

  @ApiProperty({ example: 'DDFIP du Loiret' })
  administrationName!: string;

  @ApiProperty({ example: 2, description: 'Bookings it still hits (scheduled with that agent over that time): to reassign, move or cancel' })
  toSettle!: number;
}
