import { ApiProperty } from '@nestjs/swagger';
import type { CitizenMessage } from '../outbox.service';
import { SmsMeasureView } from './outbox.view';

/** One message a citizen would get (or, channel `call`, what to tell them on the phone), exactly as the outbox would write it. */
export class CitizenMessageView {
  @ApiProperty({ enum: ['sms', 'email', 'call'], description: 'call: neither a mobile nor an e-mail; the MSAP or the coordination calls them' })
  channel!: 'sms' | 'email' | 'call';

  @ApiProperty({ description: 'The mobile (E.164) or e-mail address; for a call, the number to call, or empty when there is none' })
  recipient!: string;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty({ description: 'Exactly the text written to the outbox (SMS: in the encoding chosen, see sms)' })
  text!: string;

  @ApiProperty({ type: SmsMeasureView, nullable: true })
  sms!: SmsMeasureView | null;
}

export const toCitizenMessageView = (m: CitizenMessage): CitizenMessageView => ({
  channel: m.channel,
  recipient: m.recipient,
  subject: m.subject,
  text: m.body,
  sms: m.channel === 'sms' ? { encoding: m.smsEncoding ?? 'GSM-7', segments: m.smsSegments ?? 1, characters: [...m.body].length } : null,
});
