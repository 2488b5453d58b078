import { OutgoingMessage, SendResult } from './transport';

export interface SmsHttpSettings {
  url: string;
  token: string | null;
  sender: string;
}

/**
 * A generic JSON-over-HTTP SMS provider adapter (payload documented in the README). The outbox row
 * id goes as `clientReference` and `Idempotency-Key`: a provider that honours either drops the
 * duplicate we would send after a crash between its acceptance and our "sent" mark.
 */
export async function sendSmsHttp(settings: SmsHttpSettings, message: OutgoingMessage, timeoutMs: number): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(settings.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': message.id,
        ...(settings.token ? { Authorization: `Bearer ${settings.token}` } : {}),
      },
      body: JSON.stringify({
        to: message.recipient,
        from: settings.sender,
        text: message.body,
        encoding: message.smsEncoding,
        segments: message.smsSegments,
        clientReference: message.id,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, permanent: false, error: `SMS provider unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) {
    let providerMessageId: string | null = null;
    try {
      const parsed = JSON.parse(text) as { id?: unknown; messageId?: unknown };
      const id = parsed.id ?? parsed.messageId;
      providerMessageId = typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null;
    } catch {
      // A 2xx without a JSON body is still an acceptance.
    }
    return { ok: true, transport: 'sms_http', providerMessageId };
  }
  // 408 and 429 are "later", 5xx is the provider's trouble; any other 4xx is our request: no retry.
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  return { ok: false, permanent, error: `SMS provider answered ${response.status}: ${text.slice(0, 300)}` };
}
