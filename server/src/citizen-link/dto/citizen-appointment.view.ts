import { ApiProperty } from '@nestjs/swagger';

export const APPOINTMENT_STATES = ['upcoming', 'started', 'over', 'cancelled'] as const;
/** Where the appointment stands for its citizen: only an upcoming one can still be cancelled or changed. */
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

export class CitizenCallbackView {
  @ApiProperty()
  requestedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'When the France Services or the coordination closed it' })
  handledAt!: string | null;
}

/**
 * What the citizen's personal link shows: the appointment, where, with whom, what to bring. Their own
 * phone is given back to prefill the callback request; no other personal data.
 */
export class CitizenAppointmentView {
  @ApiProperty({ enum: APPOINTMENT_STATES, enumName: 'AppointmentState' })
  state!: AppointmentState;

  @ApiProperty({ example: '2026-03-30T09:30:00+02:00' })
  startsAt!: string;

  @ApiProperty({ example: '2026-03-30T10:00:00+02:00' })
  endsAt!: string;

  @ApiProperty({ example: 'France Services de Pithiviers' })
  siteName!: string;

  @ApiProperty({ example: '2 rue de la Couronne, 45300 Pithiviers' })
  siteAddress!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The France Services phone (E.164), when the directory has it' })
  sitePhone!: string | null;

  @ApiProperty({ example: 'DDFIP du Loiret' })
  administration!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Impôt sur le revenu' })
  subject!: string | null;

  @ApiProperty({ type: [String], description: 'The papers to bring' })
  documents!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'The phone the booking holds (E.164: the mobile, else the landline), to prefill a callback request' })
  phone!: string | null;

  @ApiProperty({ description: 'The citizen gets SMS or e-mails (a mobile or an address): a cancellation is confirmed to them by message' })
  messaged!: boolean;

  @ApiProperty({ type: CitizenCallbackView, nullable: true, description: 'The latest callback request' })
  callback!: CitizenCallbackView | null;

  @ApiProperty({ description: 'Upcoming: it can still be cancelled here' })
  canCancel!: boolean;

  @ApiProperty({ description: 'Upcoming and no request waiting: a callback can be asked for' })
  canRequestCallback!: boolean;

  @ApiProperty({ description: 'When this link stops working' })
  expiresAt!: string;
}
