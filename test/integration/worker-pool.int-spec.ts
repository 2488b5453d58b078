import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import type { types } from 'mediasoup';
import { MediaWorkerUnavailableError, WorkerPool, type WorkerPoolEvents } from '../../media/src';
import { isAlive, RecordingLogger, until } from '../support/media';
import { randomRtcPort } from '../support/process';

const opus: types.RouterRtpCodecCapability = { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 };
const loopback: types.TransportListenInfo = { protocol: 'udp', ip: '127.0.0.1' };

describe('WorkerPool against the real mediasoup worker', () => {
  const size = 3;
  let pool: WorkerPool;
  let logger: RecordingLogger;

  beforeAll(async () => {
    logger = new RecordingLogger();
    pool = await WorkerPool.create({ size, logLevel: 'warn', workerBin: null, respawnDelayMs: 20 }, logger);
  });
  afterAll(() => pool?.close());

  it('starts one live worker process per slot', () => {
    const info = pool.info();
    expect(pool.size).toBe(size);
    expect(info.map((w) => w.index)).toEqual([0, 1, 2]);
    expect(new Set(info.map((w) => w.pid)).size).toBe(size);
    for (const worker of info) {
      expect(worker).toMatchObject({ alive: true, respawns: 0 });
      expect(isAlive(worker.pid)).toBe(true);
    }
  });

  it('pick() cycles through every worker in turn', () => {
    const pids = Array.from({ length: size * 2 }, () => pool.pick().pid);
    const first = pids.slice(0, size);
    expect(new Set(first)).toEqual(new Set(pool.info().map((w) => w.pid)));
    expect(pids.slice(size)).toEqual(first);
  });

  it('hosts a router and a WebRTC transport on a picked worker', async () => {
    const router = await pool.pick().createRouter({ mediaCodecs: [opus] });
    try {
      const transport = await router.createWebRtcTransport({ listenInfos: [loopback] });
      expect(transport.iceCandidates[0]).toMatchObject({ address: '127.0.0.1', protocol: 'udp' });
      expect(transport.iceCandidates[0]!.port).toBeGreaterThan(0);
      expect(transport.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
      expect(transport.dtlsState).toBe('new');
      // The worker answers for the transport, so it was really created there.
      const [stats] = await transport.getStats();
      expect(stats!.transportId).toBe(transport.id);
    } finally {
      router.close();
    }
  });

  it('closing a transport closes the producers and consumers it carries', async () => {
    const router = await pool.pick().createRouter({ mediaCodecs: [opus] });
    try {
      const ingest = await router.createPlainTransport({ listenInfo: loopback, comedia: true, rtcpMux: true });
      const producer = await ingest.produce({
        kind: 'audio',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48_000, channels: 2 }],
          encodings: [{ ssrc: 11_111_111 }],
        },
      });
      const egress = await router.createPlainTransport({ listenInfo: loopback, rtcpMux: true });
      const consumer = await egress.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
      expect(consumer.kind).toBe('audio');
      const secondEgress = await router.createPlainTransport({ listenInfo: loopback, rtcpMux: true });
      const secondConsumer = await secondEgress.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });

      // A consumer's own transport closing takes the consumer with it, and only it.
      const consumerGone = once(consumer, 'transportclose');
      egress.close();
      await consumerGone;
      expect(consumer.closed).toBe(true);
      expect(producer.closed).toBe(false);
      expect(secondConsumer.closed).toBe(false);

      // The producer's transport closing takes the producer, and every consumer of it elsewhere.
      const producerGone = once(producer, 'transportclose');
      const secondConsumerGone = once(secondConsumer, 'producerclose');
      ingest.close();
      await Promise.all([producerGone, secondConsumerGone]);
      expect(producer.closed).toBe(true);
      expect(secondConsumer.closed).toBe(true);
      expect(secondEgress.closed).toBe(false);
      // The worker agrees: it no longer knows the producer.
      const dump = await router.dump();
      expect(dump.mapProducerIdConsumerIds).toEqual([]);
      expect(dump.transportIds).toEqual([secondEgress.id]);
    } finally {
      router.close();
    }
  });

  it('replaces a SIGKILLed worker in the same slot with a new live process', async () => {
    const index = 1;
    const victim = pool.info()[index]!;
    // A full round of pick() visits every live worker, which is the only way to reach slot 1's.
    const held = Array.from({ length: size }, () => pool.pick()).find((w) => w.pid === victim.pid)!;
    const doomedRouter = await held.createRouter({ mediaCodecs: [opus] });

    const events: string[] = [];
    let pickedWhileDead: number[] = [];
    pool.once('workerDied', (died) => {
      events.push(`died ${died.index} ${died.pid}`);
      // Between death and respawn, new rooms must land on the surviving workers only.
      pickedWhileDead = Array.from({ length: size * 2 }, () => pool.pick().pid);
    });
    const respawned = once(pool, 'workerRespawned') as Promise<WorkerPoolEvents['workerRespawned']>;

    process.kill(victim.pid, 'SIGKILL');
    const [replacement] = await respawned;
    events.push(`respawned ${replacement.index}`);

    expect(events).toEqual([`died ${index} ${victim.pid}`, `respawned ${index}`]);
    expect(pickedWhileDead).not.toContain(victim.pid);
    expect(new Set(pickedWhileDead).size).toBe(size - 1);
    expect(replacement.pid).not.toBe(victim.pid);
    expect(doomedRouter.closed).toBe(true); // rooms on the dead worker must be recreated by their owner

    const after = pool.info()[index]!;
    expect(after).toEqual({ index, pid: replacement.pid, alive: true, respawns: 1, rtcPort: null });
    expect(isAlive(replacement.pid)).toBe(true);
    await until(`killed pid ${victim.pid} to be reaped`, () => !isAlive(victim.pid));
    expect(pool.info().filter((w) => w.index !== index).every((w) => w.respawns === 0 && w.alive)).toBe(true);

    // The replacement is a working worker, not just a pid.
    const fresh = await replacement.worker.createRouter({ mediaCodecs: [opus] });
    expect(fresh.rtpCapabilities.codecs?.some((c) => c.mimeType === 'audio/opus')).toBe(true);
    fresh.close();
    expect(logger.lines).toContain('error media worker died');
  });

  it('doubles the respawn delay when the same slot keeps dying', async () => {
    const delay = 200;
    const own = await WorkerPool.create({ size: 1, logLevel: 'warn', workerBin: null, respawnDelayMs: delay }, new RecordingLogger());
    try {
      const gaps: number[] = [];
      for (let death = 0; death < 2; death++) {
        const respawned = once(own, 'workerRespawned');
        const diedAt = Date.now();
        process.kill(own.info()[0]!.pid, 'SIGKILL');
        await respawned;
        gaps.push(Date.now() - diedAt);
      }
      // Lower bounds only: spawning adds an unknown delay on top, never less (1 ms of timer slack).
      expect(gaps[0]).toBeGreaterThanOrEqual(delay - 1);
      expect(gaps[1]).toBeGreaterThanOrEqual(2 * delay - 1);
      expect(own.info()[0]).toMatchObject({ alive: true, respawns: 2 });
    } finally {
      await own.close();
    }
  });

  it('close() terminates every worker process', async () => {
    const own = await WorkerPool.create({ size: 2, logLevel: 'warn', workerBin: null }, new RecordingLogger());
    const pids = own.info().map((w) => w.pid);
    expect(pids.every(isAlive)).toBe(true);
    await own.close();
    await until(`worker pids ${pids.join(', ')} to exit`, () => !pids.some(isAlive));
    expect(own.info().every((w) => !w.alive)).toBe(true);
    expect(() => own.pick()).toThrow(MediaWorkerUnavailableError);
  });

  it('gives each worker’s media socket the configured buffers (one socket carries all its calls)', async () => {
    const port = Number(randomRtcPort());
    const withBuffers = await WorkerPool.create(
      { size: 1, logLevel: 'warn', workerBin: null, webRtc: { listenIp: '127.0.0.1', basePort: port, socketBufferBytes: 1024 * 1024 } },
      new RecordingLogger(),
    );
    try {
      // ss shows the kernel's figure, twice the size asked (room for its bookkeeping).
      const out = execFileSync('ss', ['-u', '-a', '-n', '-m', `sport = :${port}`]).toString();
      expect(Number(/rb(\d+)/.exec(out)?.[1])).toBe(2 * 1024 * 1024);
    } finally {
      await withBuffers.close();
    }
  });

  it('refuses to start from a missing worker binary and says how to get one', async () => {
    const bin = '/nonexistent/visio/mediasoup-worker';
    const attempt = WorkerPool.create({ size: 1, logLevel: 'warn', workerBin: bin }, new RecordingLogger());
    await expect(attempt).rejects.toBeInstanceOf(MediaWorkerUnavailableError);
    const error = (await attempt.catch((e: unknown) => e)) as MediaWorkerUnavailableError;
    expect(error.name).toBe('MediaWorkerUnavailableError');
    expect(error.message).toContain(bin);
    expect(error.message).toContain('npm run worker:build');
    expect(error.message).toContain('MEDIASOUP_WORKER_BIN');
  });
});
