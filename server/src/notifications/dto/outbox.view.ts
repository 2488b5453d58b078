import { ApiProperty } from '@nestjs/swagger';

export class SmsMeasureView {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] })
  encoding!: string;

  @ApiProperty()
  segments!: number;

  @ApiProperty()
  characters!: number;
}

export class OutboxConsultationView {
  @ApiProperty()
  startsAt!: string;

  @ApiProperty()
  citizenName!: string;

  @ApiProperty()
  msapSiteName!: string;

  @ApiProperty()
  boothName!: string;
}

/** One message of the outbox, as coordinators read it. */
export class OutboxItemView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a message about an account' })
  consultationId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The account a message is about (admins only)' })
  userId!: string | null;

  @ApiProperty({
    example: 'booked',
    description:
      'booked, rescheduled, reassigned, unassigned, cancelled, reminder_<offset>, document_sent; about accounts: account_invitation, password_reset, password_forgotten',
  })
  event!: string;

  @ApiProperty({ enum: ['sms', 'email', 'agent_email', 'call'], description: 'call: not sent; the citizen (neither a mobile nor an e-mail) is to be phoned' })
  channel!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Where it went: the SMS provider, SMTP, or the local outbox' })
  transport!: string | null;

  @ApiProperty()
  recipient!: string;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty({ description: 'Exactly the text sent (SMS: after transliteration to GSM-7 when possible)' })
  text!: string;

  @ApiProperty({ type: SmsMeasureView, nullable: true })
  sms!: SmsMeasureView | null;

  @ApiProperty()
  hasCalendarInvite!: boolean;

  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed', 'to_call', 'called'], description: 'to_call / called: a call (channel call) waiting, or made' })
  status!: string;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  sentAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'When retention erased its recipient, text and invitation' })
  erasedAt!: string | null;

  @ApiProperty({ type: OutboxConsultationView, nullable: true, description: 'Null for a message about an account' })
  consultation!: OutboxConsultationView | null;
}

export class OutboxPageView {
  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: [OutboxItemView] })
  items!: OutboxItemView[];
}
