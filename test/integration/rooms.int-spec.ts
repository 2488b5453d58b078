import { MediaError, Room, RoomRegistry, WorkerPool } from '../../media/src';
import { OPUS_SEND_PARAMETERS, RecordingLogger, until, VP8_SIMULCAST_PARAMETERS } from '../support/media';
import { randomRtcPort } from '../support/process';

const info = (id: string, role = 'booth') => ({ id, role, displayName: id });

describe('rooms on the real worker', () => {
  let pool: WorkerPool;
  let registry: RoomRegistry;
  const basePort = Number(randomRtcPort());

  beforeAll(async () => {
    pool = await WorkerPool.create(
      { size: 2, logLevel: 'warn', workerBin: null, respawnDelayMs: 50, webRtc: { listenIp: '127.0.0.1', basePort } },
      new RecordingLogger(),
    );
  });
  afterAll(() => pool.close());
  beforeEach(() => {
    registry = new RoomRegistry(pool);
  });
  afterEach(() => registry.closeAll('shutdown'));

  /** A booth and an agent in one room, the booth sending audio. */
  async function call(roomId: string) {
    const room = await registry.getOrCreate(roomId);
    const booth = room.join(info('booth'));
    const agent = room.join(info('agent', 'agent'));
    const send = await room.createTransport(booth, 'send');
    await room.createTransport(agent, 'recv');
    const producer = await room.produce(booth, send.id, 'audio', OPUS_SEND_PARAMETERS, { source: 'microphone' });
    return { room, booth, agent, send, producer };
  }

  it('creates one router per consultation, even for concurrent joins', async () => {
    const [a, b] = await Promise.all([registry.getOrCreate('c-1'), registry.getOrCreate('c-1')]);
    expect(a).toBe(b);
    const other = await registry.getOrCreate('c-2');
    expect(other.router.id).not.toBe(a.router.id);
    expect(a.rtpCapabilities.codecs!.map((c) => c.mimeType)).toEqual(
      expect.arrayContaining(['audio/opus', 'video/VP8', 'video/VP9', 'video/H264']),
    );
  });

  it('puts every transport of a worker on its single WebRtcServer port (UDP and TCP)', async () => {
    const room = await registry.getOrCreate('c-ports');
    const peer = room.join(info('booth'));
    const a = await room.createTransport(peer, 'send');
    const b = await room.createTransport(peer, 'recv');
    const port = pool.info().find((w) => w.pid === room.workerPid)!.rtcPort;
    for (const t of [a, b]) {
      expect(t.iceCandidates.map((c) => `${c.protocol}:${c.port}`).sort()).toEqual([`tcp:${port}`, `udp:${port}`]);
    }
  });

  it('a transport the worker finishes after its participant was replaced is closed, not left open', async () => {
    const room = await registry.getOrCreate('c-replaced');
    room.join(info('agent')); // keeps the room open
    const peer = room.join(info('booth'));
    const creating = room.createTransport(peer, 'send');
    peer.close('replaced');
    await expect(creating).rejects.toMatchObject({ code: 'PEER_CLOSED' });
    const dump = (await room.router.dump()) as { transportIds: string[] };
    expect(dump.transportIds).toEqual([]);
  });

  it('creates consumers paused, and resumes them on request', async () => {
    const { room, booth, agent, producer } = await call('c-consume');
    const params = await room.consume(agent, producer.id, room.rtpCapabilities);
    const consumer = agent.consumers.get(params.id)!;
    expect(consumer.paused).toBe(true);
    expect(params.producerPeerId).toBe('booth');
    await room.resumeConsumer(agent, params.id);
    expect(consumer.paused).toBe(false);
    // Audio-only mode: the receiver pauses it again; only its own consumers.
    await room.pauseConsumer(agent, params.id);
    expect(consumer.paused).toBe(true);
    await expect(room.pauseConsumer(booth, params.id)).rejects.toMatchObject({ code: 'UNKNOWN_CONSUMER' });
  });

  it('a receiver pins a simulcast layer, and per-participant stats describe its media', async () => {
    const { room, booth, agent, send } = await call('c-layers');
    const video = await room.produce(booth, send.id, 'video', VP8_SIMULCAST_PARAMETERS, { source: 'camera' });
    const params = await room.consume(agent, video.id, room.rtpCapabilities);
    const consumer = agent.consumers.get(params.id)!;
    expect(consumer.type).toBe('simulcast');
    await room.setPreferredLayer(agent, params.id, 0);
    // The temporal layer is clamped by the worker to what the stream has (one, here).
    expect(consumer.preferredLayers?.spatialLayer).toBe(0);

    const stats = await room.stats(booth);
    expect(stats.transports).toEqual([expect.objectContaining({ direction: 'send', dtlsState: 'new' })]);
    expect(stats.producers.map((p) => p.source).sort()).toEqual(['camera', 'microphone']);
    expect((await room.stats(agent)).consumers).toEqual([expect.objectContaining({ kind: 'video', paused: true })]);
  });

  it('gives a shared screen a larger share of a receiver’s bandwidth than a camera', async () => {
    const { room, booth, agent, send } = await call('c-priority');
    const camera = await room.produce(booth, send.id, 'video', VP8_SIMULCAST_PARAMETERS, { source: 'camera' });
    const screenParameters = { ...VP8_SIMULCAST_PARAMETERS, encodings: [{ ssrc: 33_333_331 }, { ssrc: 33_333_332 }, { ssrc: 33_333_333 }] };
    const screen = await room.produce(booth, send.id, 'video', screenParameters, { source: 'screen' });
    const priorityOf = async (producerId: string) => agent.consumers.get((await room.consume(agent, producerId, room.rtpCapabilities)).id)!.priority;
    expect(await priorityOf(camera.id)).toBe(1);
    expect(await priorityOf(screen.id)).toBe(2);
  });

  it('refuses what a participant may not do, with a code', async () => {
    const { room, booth, agent, send, producer } = await call('c-refuse');
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: MediaError) => e.code);
    expect(await codeOf(room.consume(booth, producer.id, room.rtpCapabilities))).toBe('CANNOT_CONSUME');
    expect(await codeOf(room.consume(agent, 'nope', room.rtpCapabilities))).toBe('UNKNOWN_PRODUCER');
    // The agent cannot use the booth's transport: lookups go through the caller's own maps.
    expect(await codeOf(room.produce(agent, send.id, 'audio', OPUS_SEND_PARAMETERS))).toBe('UNKNOWN_TRANSPORT');
    const recv = [...agent.transports.keys()][0]!;
    expect(await codeOf(room.produce(agent, recv, 'audio', OPUS_SEND_PARAMETERS))).toBe('WRONG_DIRECTION');
  });

  it('a participant who comes back replaces its ghost: old transports closed, room kept', async () => {
    const { room, booth, agent, producer } = await call('c-rejoin');
    const consumed = await room.consume(agent, producer.id, room.rtpCapabilities);
    const closedConsumers: string[] = [];
    room.on('consumerClosed', (_peer, id) => closedConsumers.push(id));
    const oldTransports = [...booth.transports.values()];

    const again = room.join(info('booth'));
    expect(booth.closeReason).toBe('replaced');
    expect(oldTransports.every((t) => t.closed)).toBe(true);
    expect(booth.producers.size).toBe(0);
    expect(room.peer('booth')).toBe(again);
    expect(room.closed).toBe(false);
    // The agent's consumer of the ghost's producer goes with it (the worker notifies), and the agent is told.
    await until('the orphaned consumer to close', () => !agent.consumers.has(consumed.id));
    expect(closedConsumers).toEqual([consumed.id]);
    expect(room.listPeers().map((p) => p.id).sort()).toEqual(['agent', 'booth']);
  });

  it('closing a peer closes everything it owns; the last one leaving closes the room and its router', async () => {
    const { room, booth, agent, producer } = await call('c-leave');
    await room.consume(agent, producer.id, room.rtpCapabilities);
    const reasons: string[] = [];
    registry.on('roomClosed', (_id, reason) => reasons.push(reason));

    room.leave('agent');
    expect(agent.transports.size + agent.consumers.size).toBe(0);
    expect(room.closed).toBe(false);
    room.leave('booth');
    expect(booth.transports.size + booth.producers.size).toBe(0);
    expect(room.closed).toBe(true);
    expect(room.router.closed).toBe(true);
    expect(reasons).toEqual(['room_closed']);
    // Rejoining creates a fresh room.
    const fresh = await registry.getOrCreate('c-leave');
    expect(fresh).not.toBe(room);
  });

  it('a worker crash closes its rooms with worker_died, and the next join recreates the room on a live worker', async () => {
    const { room, booth } = await call('c-crash');
    const reasons: string[] = [];
    registry.on('roomClosed', (_id, reason) => reasons.push(reason));
    const deadPid = room.workerPid;
    process.kill(deadPid, 'SIGKILL');
    await until('the room to close', () => room.closed);
    expect(reasons).toEqual(['worker_died']);
    expect(booth.closeReason).toBe('worker_died');

    const recreated: Room = await registry.getOrCreate('c-crash');
    expect(recreated.workerPid).not.toBe(deadPid);
    const peer = recreated.join(info('booth'));
    const t = await recreated.createTransport(peer, 'send');
    expect(t.iceCandidates.length).toBe(2);
  });
});
