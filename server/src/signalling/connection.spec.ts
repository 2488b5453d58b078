import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { SignallingConnection } from './connection';
import { CLOSE_CODES, Method } from '../../../shared/signalling/protocol';
import { SignallingError } from './signalling-error';

/** The socket as the connection uses it: events in, frames and a close out. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 1;
  readonly sent: Array<Record<string, unknown>> = [];
  closedWith: number | null = null;
  send(text: string): void {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close(code: number): void {
    this.closedWith = code;
    this.readyState = this.CLOSED;
  }
  ping(): void {}
  terminate(): void {}
  /** A text frame from the client. */
  receive(frame: unknown): void {
    this.emit('message', Buffer.from(typeof frame === 'string' ? frame : JSON.stringify(frame)), false);
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SignallingConnection', () => {
  let socket: FakeSocket;
  let sut: SignallingConnection;
  const mapError = () => ({ code: 'INTERNAL' as const, message: 'Internal error.' });

  beforeEach(() => {
    socket = new FakeSocket();
    sut = new SignallingConnection(socket as unknown as WebSocket);
  });
  afterEach(() => jest.useRealTimers());

  it('keeps requests sent before it was authorised, then serves them in order, one at a time', async () => {
    socket.receive({ id: 1, method: 'join', data: {} });
    socket.receive({ id: 2, method: 'leave', data: {} });
    expect(socket.sent).toEqual([]);
    const order: string[] = [];
    let running = 0;
    sut.start(async (method: Method) => {
      running++;
      expect(running).toBe(1); // never two at once
      order.push(method);
      await settle();
      running--;
      return { method };
    }, mapError);
    await settle();
    await settle();
    await settle();
    expect(order).toEqual(['join', 'leave']);
    expect(socket.sent).toEqual([
      { id: 1, ok: true, data: { method: 'join' } },
      { id: 2, ok: true, data: { method: 'leave' } },
    ]);
  });

  it('acknowledges every bad frame with a code, and a refused request with its own code', async () => {
    sut.start(async (method) => {
      if (method === 'admit') throw new SignallingError('FORBIDDEN', 'Only the agent admits participants.');
      throw new Error('boom');
    }, mapError);
    socket.receive('not json');
    socket.receive({ id: 3, method: 'launchMissiles' });
    socket.receive({ id: 4, method: 'admit', data: {} });
    socket.receive({ id: 5, method: 'leave', data: {} });
    socket.emit('message', Buffer.from([1, 2]), true);
    for (let i = 0; i < 5; i++) await settle();
    expect(socket.sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: null, ok: false, code: 'BAD_FRAME' }),
        expect.objectContaining({ id: 3, ok: false, code: 'UNKNOWN_METHOD' }),
        { id: 4, ok: false, code: 'FORBIDDEN', message: 'Only the agent admits participants.' },
        { id: 5, ok: false, code: 'INTERNAL', message: 'Internal error.' },
      ]),
    );
    expect(socket.sent.filter((f) => f.code === 'BAD_FRAME')).toHaveLength(2);
    expect(socket.closedWith).toBeNull();
  });

  it('lets a client burst 60 frames, closes a flood, and refills 20 frames a second', () => {
    jest.useFakeTimers();
    sut.start(async () => ({}), mapError);
    for (let i = 0; i < 60; i++) socket.receive({ id: i, method: 'leave', data: {} });
    expect(socket.closedWith).toBeNull();
    jest.advanceTimersByTime(1000); // 20 tokens back
    for (let i = 0; i < 20; i++) socket.receive({ id: 100 + i, method: 'leave', data: {} });
    expect(socket.closedWith).toBeNull();
    socket.receive({ id: 200, method: 'leave', data: {} });
    expect(socket.closedWith).toBe(CLOSE_CODES.flood);
  });
});
