import { ApiProperty } from '@nestjs/swagger';
import { CitizenMessageView } from '../../dto/citizen-message.view';

export class MassCancellationItemView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  startsAt!: string;

  @ApiProperty()
  endsAt!: string;

  @ApiProperty()
  citizenName!: string;

  @ApiProperty({ description: 'Has a mobile: gets the SMS (a landline does not)' })
  hasPhone!: boolean;

  @ApiProperty()
  hasEmail!: boolean;

  @ApiProperty()
  msapSiteName!: string;

  @ApiProperty()
  boothName!: string;

  @ApiProperty()
  agentName!: string;

  @ApiProperty()
  administration!: string;
}

/** What a selection would cancel, before confirming. */
export class MassCancellationPreviewView {
  @ApiProperty()
  total!: number;

  @ApiProperty({ description: 'Citizens with neither a mobile nor an e-mail: to be called' })
  withoutContact!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: [MassCancellationItemView] })
  items!: MassCancellationItemView[];
}

export class MassCancellationCriteriaView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  agentId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  administrationId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  msapSiteId!: string | null;

  @ApiProperty()
  from!: string;

  @ApiProperty()
  to!: string;
}

/** A confirmed mass cancellation and how far it got. */
export class MassCancellationJobView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['running', 'completed'] })
  state!: 'running' | 'completed';

  @ApiProperty({ type: MassCancellationCriteriaView })
  criteria!: MassCancellationCriteriaView;

  @ApiProperty({ description: 'The coordinator’s message, placeholders unfilled' })
  message!: string;

  @ApiProperty()
  total!: number;

  @ApiProperty()
  processed!: number;

  @ApiProperty()
  cancelled!: number;

  @ApiProperty({ description: 'No longer scheduled when reached (cancelled or moved meanwhile): left untouched' })
  skipped!: number;

  @ApiProperty({ description: 'Citizens reached by at least one channel' })
  sent!: number;

  @ApiProperty({ description: 'Citizens on whom every channel failed' })
  failed!: number;

  @ApiProperty({ description: 'Citizens whose messages are still being sent' })
  pending!: number;

  @ApiProperty({ description: 'Citizens with neither a mobile nor an e-mail' })
  noContact!: number;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  finishedAt!: string | null;
}

export class CitizenToCallView {
  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ enum: ['no_contact', 'failed'] })
  reason!: 'no_contact' | 'failed';

  @ApiProperty()
  citizenName!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The mobile the booking holds (E.164)' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The landline to call (E.164)' })
  landline!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty()
  msapSiteName!: string;

  @ApiProperty()
  boothName!: string;

  @ApiProperty()
  startsAt!: string;

  @ApiProperty({ example: 'lundi 30 mars à 9 h 30', description: 'In French, for the phone call' })
  when!: string;
}

export class CitizensToCallView {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: [CitizenToCallView] })
  items!: CitizenToCallView[];
}

/** The job, and the citizens to call: no phone and no e-mail, or every message to them failed. */
export class MassCancellationReportView extends MassCancellationJobView {
  @ApiProperty({ type: CitizensToCallView })
  toCall!: CitizensToCallView;
}

/** One citizen of the selection and the messages the cancellation would send them. */
export class MassCancellationMessageItemView {
  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty()
  citizenName!: string;

  @ApiProperty()
  startsAt!: string;

  @ApiProperty({ type: [CitizenMessageView], description: 'Exactly what the outbox will hold for them once confirmed' })
  messages!: CitizenMessageView[];
}

/** The message step's answer: the message is valid; here is what the first citizens will get. */
export class MassCancellationMessagesView {
  @ApiProperty({ description: 'Consultations the selection cancels' })
  total!: number;

  @ApiProperty({ type: [MassCancellationMessageItemView], description: 'The first ones, in time order' })
  items!: MassCancellationMessageItemView[];
}
