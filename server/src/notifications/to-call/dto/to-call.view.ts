import { ApiProperty } from '@nestjs/swagger';

/** A citizen to phone: their change could reach them neither by SMS nor by e-mail. */
export class ToCallItemView {
  @ApiProperty({ format: 'uuid', description: 'The call to make (an outbox row, channel call): what POST /api/to-call/:id/handled takes' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ enum: ['booked', 'rescheduled', 'cancelled'], description: 'What happened: the latest change not yet told' })
  event!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The number to call (E.164): the landline given at booking, else a number that cannot receive an SMS; null: the citizen left none' })
  phone!: string | null;

  @ApiProperty()
  citizenName!: string;

  @ApiProperty({ description: 'The appointment (after a cancellation: the one cancelled)' })
  startsAt!: string;

  @ApiProperty()
  msapSiteName!: string;

  @ApiProperty()
  boothName!: string;

  @ApiProperty()
  administration!: string;

  @ApiProperty({ description: 'What to tell them: the SMS they would have received (with the reason of a cancellation)' })
  message!: string;

  @ApiProperty({ description: 'When the change was made' })
  createdAt!: string;

  @ApiProperty({ description: 'Earlier changes of the same appointment not told either (this call covers them)' })
  earlier!: number;
}

export class ToCallPageView {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: [ToCallItemView] })
  items!: ToCallItemView[];
}
