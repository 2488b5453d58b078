import type { Method, NotificationFrame, RequestFrame, Req, Res, ServerFrame, SignallingErrorCode } from '@shared/signalling/protocol';
import { SIGNALLING_PATH } from '@shared/signalling/protocol';

/** The server's refusal of a request, or 'DISCONNECTED' when the socket went before its answer. */
export class SignallingRefusal extends Error {
  constructor(
    readonly code: SignallingErrorCode | 'DISCONNECTED',
    message: string,
  ) {
    super(message);
    this.name = 'SignallingRefusal';
  }
}

type Listener = (frame: NotificationFrame) => void;

/**
 * NOTE: a network cut leaves a WebSocket open but silent: nothing fails, requests just wait. A
 * request unanswered for this long (opening included) declares the socket lost, so the engine
 * reconnects instead of waiting for TCP to give up minutes later.
 */
export const REQUEST_TIMEOUT_MS = 8000;
/** Close code reported when the socket is given up by us (no answer), not closed by the server. */
export const LOST_CLOSE_CODE = 4999;

/** One WebSocket to the signalling endpoint: typed requests with acknowledgements, notifications. */
export class SignallingSocket {
  private readonly socket: WebSocket;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(data: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();
  private closed = false;
  readonly opened: Promise<void>;

  /** `target`: a consultation's call, or the caller's own pre-call probe. */
  constructor(
    target: { consultation: string } | { probe: true },
    onNotification: Listener,
    private readonly onClose: (code: number, reason: string) => void,
  ) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = 'probe' in target ? 'probe=1' : `consultation=${encodeURIComponent(target.consultation)}`;
    this.socket = new WebSocket(`${scheme}://${location.host}${SIGNALLING_PATH}?${query}`);
    this.opened = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve(), { once: true });
      this.socket.addEventListener('close', () => reject(new Error('closed before opening')), { once: true });
    });
    this.opened.catch(() => undefined);
    this.socket.addEventListener('message', (event) => {
      if (this.closed) return;
      const frame = JSON.parse(String(event.data)) as ServerFrame;
      if ('notification' in frame) return onNotification(frame);
      const waiter = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      if (!waiter) return;
      clearTimeout(waiter.timer);
      if (frame.ok) waiter.resolve(frame.data);
      else waiter.reject(new SignallingRefusal(frame.code, frame.message));
    });
    this.socket.addEventListener('close', (event) => this.finish(event.code, event.reason));
  }

  request<M extends Method>(method: M, data: Req<M>): Promise<Res<M>> {
    if (this.closed) return Promise.reject(new SignallingRefusal('DISCONNECTED', 'connection lost'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.lose(), REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (d: unknown) => void, reject, timer });
      this.opened.then(
        () => !this.closed && this.socket.send(JSON.stringify({ id, method, data } satisfies RequestFrame<M>)),
        () => undefined, // finish() rejects every pending request
      );
    });
  }

  close(): void {
    this.socket.close(1000);
  }

  /** Gives up a silent socket at once: the closing handshake cannot complete through a cut. */
  private lose(): void {
    this.socket.close(1000);
    this.finish(LOST_CLOSE_CODE, 'no answer');
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(new SignallingRefusal('DISCONNECTED', 'connection lost'));
    }
    this.pending.clear();
    this.onClose(code, reason);
  }
}
