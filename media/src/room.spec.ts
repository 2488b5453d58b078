import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import { CloseReason } from './close-reason';
import { MediaError } from './media-error';
import { Peer } from './peer';
import { Room, TransportDiagnostics } from './room';

/** A WebRTC transport as the room uses it: state events, an observer, close. */
class FakeTransport extends EventEmitter {
  static count = 0;
  readonly id = `transport-${++FakeTransport.count}`;
  readonly observer = new EventEmitter();
  closed = false;
  iceState = 'new';
  dtlsState = 'new';
  iceParameters = { usernameFragment: 'u', password: 'p' };
  iceCandidates = [{ protocol: 'udp', address: '127.0.0.1', port: 40000 }];
  dtlsParameters = { fingerprints: [] };
  iceSelectedTuple: undefined;

  constructor(readonly appData: Record<string, unknown>) {
    super();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.observer.emit('close');
  }
}

class FakeRouter {
  readonly observer = new EventEmitter();
  closed = false;
  rtpCapabilities = { codecs: [] };
  readonly transports: FakeTransport[] = [];
  /** Resolves the next createWebRtcTransport only when asked (a worker taking its time). */
  hold: Promise<void> | null = null;

  async createWebRtcTransport(options: { appData: Record<string, unknown> }): Promise<FakeTransport> {
    await this.hold;
    const transport = new FakeTransport(options.appData);
    this.transports.push(transport);
    return transport;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.transports) t.close();
    this.observer.emit('close');
  }
}

class FakeWorker {
  died = false;
  pid = 4242;
  readonly router = new FakeRouter();
  async createRouter(): Promise<FakeRouter> {
    return this.router;
  }
}

const info = (id: string) => ({ id, role: id.split(':')[0]!, displayName: id });

describe('Room', () => {
  let worker: FakeWorker;
  let sut: Room;
  let peerClosed: Array<[string, CloseReason]>;
  let roomClosed: CloseReason[];
  let failures: TransportDiagnostics[];

  beforeEach(async () => {
    worker = new FakeWorker();
    sut = await Room.create('consultation-1', worker as unknown as types.Worker, {} as types.WebRtcServer);
    peerClosed = [];
    roomClosed = [];
    failures = [];
    sut.on('peerClosed', (peer, reason) => peerClosed.push([peer.id, reason]));
    sut.on('closed', (reason) => roomClosed.push(reason));
    sut.on('transportFailed', (_peer, diagnostics) => failures.push(diagnostics));
  });

  const transportOf = (peer: Peer) => worker.router.transports.find((t) => t.appData.peerId === peer.id)!;

  it('a participant joining again replaces its ghost, and the room never looks empty', () => {
    const first = sut.join(info('booth:1'));
    const second = sut.join(info('booth:1'));

    expect(first.closeReason).toBe('replaced');
    expect(sut.listPeers()).toEqual([second]);
    expect(peerClosed).toEqual([['booth:1', 'replaced']]);
    expect(roomClosed).toEqual([]);
  });

  it('the last participant leaving closes the room and its router', () => {
    sut.join(info('agent:1'));
    sut.join(info('booth:1'));

    sut.leave('agent:1');
    expect(roomClosed).toEqual([]);
    sut.leave('booth:1');

    expect(roomClosed).toEqual(['room_closed']);
    expect(worker.router.closed).toBe(true);
    expect(() => sut.join(info('agent:1'))).toThrow(MediaError);
  });

  it('a DTLS failure reports the transport, then closes the participant with transport_failed (its transports too)', async () => {
    const booth = sut.join(info('booth:1'));
    sut.join(info('agent:1'));
    await sut.createTransport(booth, 'send');
    const transport = transportOf(booth);

    transport.dtlsState = 'failed';
    transport.emit('dtlsstatechange', 'failed');

    expect(failures).toEqual([expect.objectContaining({ id: transport.id, direction: 'send', dtlsState: 'failed', selectedTuple: null })]);
    expect(booth.closeReason).toBe('transport_failed');
    expect(transport.closed).toBe(true);
    expect(peerClosed).toEqual([['booth:1', 'transport_failed']]);
    expect(roomClosed).toEqual([]);
  });

  it('a transport closed under a live participant counts as a failure; closed with the room, it does not', async () => {
    const booth = sut.join(info('booth:1'));
    const agent = sut.join(info('agent:1'));
    await sut.createTransport(booth, 'recv');
    await sut.createTransport(agent, 'recv');

    transportOf(booth).close();
    expect(peerClosed).toEqual([['booth:1', 'transport_failed']]);

    sut.close('shutdown');
    expect(failures).toHaveLength(1);
    expect(peerClosed).toEqual([
      ['booth:1', 'transport_failed'],
      ['agent:1', 'shutdown'],
    ]);
  });

  it('its router closing because the worker died closes the room with worker_died (clients come back)', () => {
    sut.join(info('agent:1'));
    worker.died = true;

    worker.router.close();

    expect(roomClosed).toEqual(['worker_died']);
    expect(peerClosed).toEqual([['agent:1', 'worker_died']]);
  });

  it('a transport made for a participant replaced meanwhile is closed at once, and refused', async () => {
    const ghost = sut.join(info('booth:1'));
    let release!: () => void;
    worker.router.hold = new Promise((resolve) => (release = resolve));

    const creating = sut.createTransport(ghost, 'send');
    sut.join(info('booth:1'));
    release();

    await expect(creating).rejects.toMatchObject({ code: 'PEER_CLOSED' });
    expect(worker.router.transports.every((t) => t.closed)).toBe(true);
  });

  it('answers a participant that left with PEER_CLOSED, and unknown transports with UNKNOWN_TRANSPORT', async () => {
    const booth = sut.join(info('booth:1'));
    const agent = sut.join(info('agent:1'));
    sut.leave('booth:1');

    await expect(sut.createTransport(booth, 'send')).rejects.toMatchObject({ code: 'PEER_CLOSED' });
    await expect(sut.connectTransport(agent, 'nope', { fingerprints: [] } as unknown as types.DtlsParameters)).rejects.toMatchObject({ code: 'UNKNOWN_TRANSPORT' });
  });
});
