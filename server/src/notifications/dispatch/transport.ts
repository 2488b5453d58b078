import type { Channel } from '../templates/templates';
import type { Transport } from '../entities/notification-outbox.entity';

/** What the dispatcher hands a transport: the claimed row, already rendered. */
export interface OutgoingMessage {
  /** The outbox row id: the idempotency key given to providers. */
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  ics: string | null;
  smsEncoding: string | null;
  smsSegments: number | null;
  /** A file to attach (e-mail only), read when the message leaves. */
  attachment?: { filename: string; contentType: string; content: Buffer };
}

export type SendResult =
  | { ok: true; transport: Transport; providerMessageId: string | null }
  /** permanent: retrying cannot help (the provider refused the request itself). */
  | { ok: false; permanent: boolean; error: string };
