import { createTransport, Transporter } from 'nodemailer';
import { OutgoingMessage, SendResult } from './transport';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

/** The Message-ID derived from the outbox row: the same message keeps the same id on a resend. */
export const messageIdFor = (outboxId: string): string => `<${outboxId}@visio-msap>`;

/** Nodemailer over SMTP; one pooled transporter per dispatcher. */
export class SmtpTransport {
  private readonly transporter: Transporter;

  constructor(settings: SmtpSettings, private readonly from: string, timeoutMs: number) {
    this.transporter = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.auth ? { auth: settings.auth } : {}),
      pool: true,
      maxConnections: 3,
      // Each phase gets a third of the budget the dispatcher allows one message.
      connectionTimeout: Math.floor(timeoutMs / 3),
      greetingTimeout: Math.floor(timeoutMs / 3),
      socketTimeout: Math.floor(timeoutMs / 3),
    });
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    try {
      const method = message.ics ? (/^METHOD:(\w+)/m.exec(message.ics)?.[1] ?? 'REQUEST') : null;
      const info = (await this.transporter.sendMail({
        from: this.from,
        to: message.recipient,
        subject: message.subject ?? 'Visio MSAP',
        text: message.body,
        messageId: messageIdFor(message.id),
        headers: { 'X-Visio-Outbox-Id': message.id },
        ...(message.attachment ? { attachments: [{ filename: message.attachment.filename, contentType: message.attachment.contentType, content: message.attachment.content }] } : {}),
        ...(message.ics && method
          ? { icalEvent: { method, filename: method === 'CANCEL' ? 'annulation.ics' : 'invitation.ics', content: message.ics } }
          : {}),
      })) as { messageId?: string };
      return { ok: true, transport: 'smtp', providerMessageId: info.messageId ?? null };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx replies are final refusals (unknown mailbox, policy); 4xx and network errors are worth a retry.
      const permanent = typeof code === 'number' && code >= 500;
      return { ok: false, permanent, error: `SMTP: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
    }
  }

  close(): void {
    this.transporter.close();
  }
}
