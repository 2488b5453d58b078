import type { Method, NotificationMap, RequestMap } from '../../../../../server/src/signalling/protocol';
import { SIGNALLING_PATH } from '../../../../../server/src/signalling/protocol';

export class SignallingRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SignallingRefusal';
  }
}

type Listener = <N extends keyof NotificationMap>(name: N, data: NotificationMap[N]) => void;

/** One WebSocket to the signalling endpoint: typed requests with acknowledgements, notifications. */
export class SignallingSocket {
  private readonly socket: WebSocket;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(data: unknown): void; reject(error: Error): void }>();
  readonly opened: Promise<void>;

  constructor(consultationId: string, onNotification: Listener, onClose: (code: number, reason: string) => void) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.socket = new WebSocket(`${scheme}://${location.host}${SIGNALLING_PATH}?consultation=${encodeURIComponent(consultationId)}`);
    this.opened = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve(), { once: true });
      this.socket.addEventListener('close', () => reject(new Error('closed before opening')), { once: true });
    });
    this.opened.catch(() => undefined);
    this.socket.addEventListener('message', (event) => {
      const frame = JSON.parse(String(event.data)) as
        | { id: number; ok: true; data: unknown }
        | { id: number; ok: false; code: string; message: string }
        | { notification: keyof NotificationMap; data: never };
      if ('notification' in frame) return onNotification(frame.notification, frame.data);
      const waiter = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      if (!waiter) return;
      if (frame.ok) waiter.resolve(frame.data);
      else waiter.reject(new SignallingRefusal(frame.code, frame.message));
    });
    this.socket.addEventListener('close', (event) => {
      for (const waiter of this.pending.values()) waiter.reject(new SignallingRefusal('DISCONNECTED', 'connection lost'));
      this.pending.clear();
      onClose(event.code, event.reason);
    });
  }

  async request<M extends Method>(method: M, data: RequestMap[M]['req']): Promise<RequestMap[M]['res']> {
    await this.opened;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (d: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, data }));
    });
  }

  close(): void {
    this.socket.close(1000);
  }
}
