import WebSocket from 'ws';
import type { Method, NotificationMap, RequestMap } from '../../shared/signalling/protocol';
import { SIGNALLING_PATH } from '../../shared/signalling/protocol';

type AckFrame = { id: number | null; ok: boolean; data?: unknown; code?: string; message?: string };
type NotificationFrame = { notification: keyof NotificationMap; data: unknown };

export interface Refusal {
  code: string;
  message: string;
}

/** A signalling client as a browser would be, minus the browser: cookies, frames, acks. */
export class SignallingClient {
  readonly notifications: NotificationFrame[] = [];
  readonly strayAcks: AckFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private nextId = 1;
  private readonly waiting = new Map<number, (ack: AckFrame) => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as AckFrame | NotificationFrame;
      if ('notification' in frame) this.notifications.push(frame);
      else if (frame.id !== null && this.waiting.has(frame.id)) this.waiting.get(frame.id)!(frame);
      else this.strayAcks.push(frame);
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static connect(baseUrl: string, consultationId: string, cookie: string | null, headers: Record<string, string> = {}): SignallingClient {
    return SignallingClient.open(baseUrl, `consultation=${encodeURIComponent(consultationId)}`, cookie, headers);
  }

  /** The pre-call check's socket: a call of one's own, for measuring the path to the SFU. */
  static probe(baseUrl: string, cookie: string | null): SignallingClient {
    return SignallingClient.open(baseUrl, 'probe=1', cookie, {});
  }

  private static open(baseUrl: string, query: string, cookie: string | null, headers: Record<string, string>): SignallingClient {
    const url = `${baseUrl.replace(/^http/, 'ws')}${SIGNALLING_PATH}?${query}`;
    return new SignallingClient(new WebSocket(url, { headers: { ...(cookie ? { cookie } : {}), ...headers } }));
  }

  /** Resolves with the data, or rejects with the refusal's { code, message }. */
  request<M extends Method>(method: M, data: RequestMap[M]['req']): Promise<RequestMap[M]['res']> {
    return this.raw(method, data).then((ack) => (ack.ok ? (ack.data as RequestMap[M]['res']) : Promise.reject({ code: ack.code, message: ack.message })));
  }

  /** Any method, any data: for bad-input tests. */
  async raw(method: string, data: unknown): Promise<AckFrame> {
    await this.opened();
    const id = this.nextId++;
    const ack = new Promise<AckFrame>((resolve) => this.waiting.set(id, resolve));
    this.socket.send(JSON.stringify({ id, method, data }));
    return ack;
  }

  async refusal<M extends Method>(method: M, data: unknown): Promise<Refusal> {
    const ack = await this.raw(method, data);
    if (ack.ok) throw new Error(`${method} was accepted`);
    return { code: ack.code!, message: ack.message! };
  }

  async notification<N extends keyof NotificationMap>(name: N, timeoutMs = 10_000): Promise<NotificationMap[N]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.notifications.findIndex((n) => n.notification === name);
      if (index >= 0) return this.notifications.splice(index, 1)[0]!.data as NotificationMap[N];
      if (Date.now() > deadline) throw new Error(`no ${name} notification within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  opened(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  close(): void {
    this.socket.close();
  }
}
