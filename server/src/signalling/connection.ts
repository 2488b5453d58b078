import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES, MAX_FRAME_BYTES, Method, METHODS, NotificationMap, SignallingErrorCode } from '../../../shared/signalling/protocol';
import { SignallingError } from './signalling-error';

export type Dispatch = (method: Method, data: unknown) => Promise<unknown>;
export type ErrorMapper = (error: unknown) => { code: SignallingErrorCode; message: string };

/** Token bucket: a client may burst, but not flood. */
const BURST = 60;
const REFILL_PER_SECOND = 20;

interface Frame {
  id: number;
  method: string;
  data?: unknown;
}

const isFrame = (v: unknown): v is Frame =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Number.isSafeInteger((v as Frame).id) &&
  (v as Frame).id >= 0 &&
  typeof (v as Frame).method === 'string';

/**
 * One signalling socket. Frames that arrive before authentication finished are queued; requests
 * run one at a time, in order (connect before produce), and each gets exactly one acknowledgement.
 * A flood closes the socket; nothing a client sends can throw out of here.
 */
export class SignallingConnection {
  private readonly pending: RawData[] = [];
  private dispatch: Dispatch | null = null;
  private mapError: ErrorMapper | null = null;
  private chain: Promise<void> = Promise.resolve();
  private tokens = BURST;
  private refilledAt = Date.now();
  private alive = true;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('pong', () => (this.alive = true));
    socket.once('close', () => this.heartbeat && clearInterval(this.heartbeat));
  }

  /**
   * NOTE: a network cut does not close a TCP connection: without pings the server would keep a
   * silent socket for minutes. A socket that misses one pong interval is terminated, which starts
   * the participant's resume grace (browsers answer pings by themselves).
   */
  startHeartbeat(intervalMs: number): void {
    this.heartbeat = setInterval(() => {
      if (!this.alive) {
        this.socket.terminate();
        return;
      }
      this.alive = false;
      this.socket.ping();
    }, intervalMs);
    this.heartbeat.unref();
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Starts handling requests (and those queued meanwhile). */
  start(dispatch: Dispatch, mapError: ErrorMapper): void {
    this.dispatch = dispatch;
    this.mapError = mapError;
    for (const data of this.pending.splice(0)) this.enqueue(data);
  }

  notify<N extends keyof NotificationMap>(notification: N, data: NotificationMap[N]): void {
    this.send({ notification, data });
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.CLOSED || this.socket.readyState === this.socket.CLOSING) return;
    // Close reasons are limited to 123 bytes by the protocol.
    this.socket.close(code, reason.slice(0, 120));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (!this.takeToken()) {
      this.close(CLOSE_CODES.flood, 'Too many messages');
      return;
    }
    if (isBinary) {
      this.send({ id: null, ok: false, code: 'BAD_FRAME', message: 'Send JSON text frames.' });
      return;
    }
    if (this.dispatch) this.enqueue(data);
    else if (this.pending.length < BURST) this.pending.push(data);
  }

  private enqueue(data: RawData): void {
    this.chain = this.chain.then(() => this.handle(data));
  }

  private async handle(data: RawData): Promise<void> {
    const text = data.toString();
    let frame: unknown;
    try {
      frame = text.length > MAX_FRAME_BYTES ? undefined : JSON.parse(text);
    } catch {
      frame = undefined;
    }
    if (!isFrame(frame)) {
      this.send({ id: null, ok: false, code: 'BAD_FRAME', message: 'Expected {"id": <integer>, "method": <string>, "data": {...}}.' });
      return;
    }
    if (!(METHODS as readonly string[]).includes(frame.method)) {
      this.send({ id: frame.id, ok: false, code: 'UNKNOWN_METHOD', message: `Unknown method ${frame.method.slice(0, 40)}.` });
      return;
    }
    try {
      const result = await this.dispatch!(frame.method as Method, frame.data ?? {});
      this.send({ id: frame.id, ok: true, data: result ?? {} });
    } catch (error) {
      const { code, message } = error instanceof SignallingError ? error : this.mapError!(error);
      this.send({ id: frame.id, ok: false, code, message });
    }
  }

  private send(payload: object): void {
    if (this.open) this.socket.send(JSON.stringify(payload));
  }

  private takeToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(BURST, this.tokens + ((now - this.refilledAt) / 1000) * REFILL_PER_SECOND);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
