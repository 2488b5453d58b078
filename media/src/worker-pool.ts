import { EventEmitter } from 'node:events';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';

export type MediaLogLevel = 'debug' | 'warn' | 'error' | 'none';

/** What media/ needs from a logger; the server passes its own. */
export interface MediaLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** One UDP and one TCP port per worker for all its WebRTC media (firewall-friendly). */
export interface WebRtcServerSettings {
  /** Address to bind, e.g. 0.0.0.0, or 127.0.0.1 for tests. */
  listenIp: string;
  /** Address given to browsers when it differs from the bound one (public IP or name behind NAT). */
  announcedAddress?: string;
  /** Worker i listens on basePort + i: a port cannot be shared between worker processes. */
  basePort: number;
  /**
   * Socket buffer size in bytes (send and receive), capped by the kernel (net.core.rmem_max /
   * wmem_max). One UDP socket carries every call of a worker: the default ~200 kB holds a few
   * milliseconds of a busy worker's traffic, so any stall would drop packets.
   */
  socketBufferBytes?: number;
}

export interface WorkerPoolOptions {
  size: number;
  logLevel: MediaLogLevel;
  /**
   * The MEDIASOUP_WORKER_BIN value, checked before spawning. mediasoup itself reads that variable when
   * it is first loaded, so this must be the same value (the server's config reads the same variable);
   * null means the binary inside the mediasoup package.
   */
  workerBin: string | null;
  /** When set, each worker gets a WebRtcServer and WebRTC transports use it. */
  webRtc?: WebRtcServerSettings;
  /** First delay before respawning a dead worker; doubles on each consecutive death, capped at 30 s. */
  respawnDelayMs?: number;
}

export interface WorkerInfo {
  index: number;
  pid: number;
  alive: boolean;
  respawns: number;
  /** UDP and TCP port of its WebRtcServer, if any. */
  rtcPort: number | null;
}

export interface WorkerPoolEvents {
  /** A worker died; `workerRespawned` follows once a new one took its slot. */
  workerDied: [info: { index: number; pid: number; error: Error }];
  workerRespawned: [info: { index: number; pid: number; worker: types.Worker }];
}

export class MediaWorkerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaWorkerUnavailableError';
  }
}

interface Slot {
  worker: types.Worker;
  webRtcServer: types.WebRtcServer | null;
  respawns: number;
  consecutiveDeaths: number;
  respawnTimer: NodeJS.Timeout | null;
}

/** Where mediasoup itself looks for its worker when MEDIASOUP_WORKER_BIN is not set. */
export function defaultWorkerBin(): string {
  // The package exports only its entry point (node/lib/index.js); its root is three levels up.
  const root = dirname(dirname(dirname(require.resolve('mediasoup'))));
  return join(root, 'worker', 'out', 'Release', 'mediasoup-worker');
}

/**
 * One mediasoup worker per slot (by default one per core). A worker that dies is replaced in the
 * same slot after a back-off, and `workerRespawned` lets rooms on it be recreated.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  private readonly slots: Slot[] = [];
  private nextIndex = 0;
  private closed = false;

  private constructor(
    private readonly options: WorkerPoolOptions,
    private readonly logger: MediaLogger,
  ) {
    super();
  }

  static async create(options: WorkerPoolOptions, logger: MediaLogger): Promise<WorkerPool> {
    const rtc = options.webRtc;
    // NOTE: mediasoup would hand 0.0.0.0 to browsers as their candidate: they never connect.
    if (rtc && !rtc.announcedAddress && (rtc.listenIp === '0.0.0.0' || /^[0:]+$/.test(rtc.listenIp))) {
      throw new MediaWorkerUnavailableError(`Media listening on every interface (${rtc.listenIp}) need the address browsers reach them on (announcedAddress).`);
    }
    const bin = options.workerBin ?? defaultWorkerBin();
    try {
      await access(bin, constants.X_OK);
    } catch {
      throw new MediaWorkerUnavailableError(
        `No mediasoup worker binary at ${bin}. Run 'npm run worker:build' (builds it from source on Debian, ` +
          'about 5-10 minutes the first time), or set MEDIASOUP_WORKER_BIN to an existing mediasoup-worker binary.',
      );
    }
    const pool = new WorkerPool(options, logger);
    try {
      for (let index = 0; index < options.size; index++) {
        pool.slots.push({ ...(await pool.spawn(index)), respawns: 0, consecutiveDeaths: 0, respawnTimer: null });
      }
    } catch (error) {
      await pool.close();
      throw new MediaWorkerUnavailableError(`The mediasoup worker at ${bin} failed to start: ${String(error)}`);
    }
    logger.info('media workers started', { count: pool.slots.length, pids: pool.slots.map((s) => s.worker.pid) });
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  info(): WorkerInfo[] {
    return this.slots.map((slot, index) => ({
      index,
      pid: slot.worker.pid,
      alive: !slot.worker.closed && !slot.worker.died,
      respawns: slot.respawns,
      rtcPort: slot.webRtcServer ? this.options.webRtc!.basePort + index : null,
    }));
  }

  /**
   * CPU time (user + system) each live worker process has used, in seconds. It starts again from
   * zero in a slot whose worker was respawned (a new process). A worker that does not answer within
   * `timeoutMs` is left out rather than holding up the caller (a metrics scrape).
   */
  async cpuUsage(timeoutMs = 1000): Promise<Array<{ index: number; pid: number; cpuSeconds: number }>> {
    const usages = await Promise.all(
      this.slots.map(async (slot, index) => {
        const worker = slot.worker;
        if (worker.closed || worker.died) return null;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), timeoutMs);
        });
        try {
          const usage = await Promise.race([worker.getResourceUsage(), timeout]);
          // ru_utime and ru_stime are in milliseconds.
          return usage ? { index, pid: worker.pid, cpuSeconds: (usage.ru_utime + usage.ru_stime) / 1000 } : null;
        } catch {
          return null; // Died or closed meanwhile.
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return usages.filter((u) => u !== null);
  }

  /** The WebRtcServer of a worker of this pool, or null when the pool runs without them. */
  webRtcServerOf(worker: types.Worker): types.WebRtcServer | null {
    return this.slots.find((slot) => slot.worker === worker)?.webRtcServer ?? null;
  }

  /** The worker for a new router: round robin over live workers. */
  pick(): types.Worker {
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[(this.nextIndex + i) % this.slots.length]!;
      if (!slot.worker.closed && !slot.worker.died) {
        this.nextIndex = (this.nextIndex + i + 1) % this.slots.length;
        return slot.worker;
      }
    }
    throw new MediaWorkerUnavailableError('No media worker is alive right now.');
  }

  /** Closes every worker and waits for the processes to exit; a worker that hangs is killed. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.respawnTimer) clearTimeout(slot.respawnTimer);
        const worker = slot.worker;
        if (worker.died || worker.subprocessClosed) return;
        const exited = new Promise<void>((resolve) => worker.once('subprocessclose', resolve));
        if (!worker.closed) worker.close();
        const timer = setTimeout(() => {
          try {
            process.kill(worker.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }, 3000);
        await exited;
        clearTimeout(timer);
      }),
    );
    this.removeAllListeners();
  }

  private async spawn(index: number): Promise<{ worker: types.Worker; webRtcServer: types.WebRtcServer | null }> {
    const worker = await mediasoup.createWorker({
      logLevel: this.options.logLevel,
      appData: { index },
    });
    worker.on('died', (error) => this.onDied(index, worker, error));
    const rtc = this.options.webRtc;
    if (!rtc) return { worker, webRtcServer: null };
    const port = rtc.basePort + index;
    const base = {
      ip: rtc.listenIp,
      port,
      ...(rtc.announcedAddress ? { announcedAddress: rtc.announcedAddress } : {}),
      ...(rtc.socketBufferBytes ? { sendBufferSize: rtc.socketBufferBytes, recvBufferSize: rtc.socketBufferBytes } : {}),
    };
    try {
      const webRtcServer = await worker.createWebRtcServer({
        listenInfos: [
          { ...base, protocol: 'udp' },
          { ...base, protocol: 'tcp' },
        ],
      });
      return { worker, webRtcServer };
    } catch (error) {
      worker.close();
      throw new MediaWorkerUnavailableError(`Cannot listen for media on ${rtc.listenIp}:${port} (UDP/TCP): ${String(error)}`);
    }
  }

  private onDied(index: number, worker: types.Worker, error: Error): void {
    const slot = this.slots[index];
    if (this.closed || !slot || slot.worker !== worker) return;
    slot.consecutiveDeaths++;
    const base = this.options.respawnDelayMs ?? 250;
    const delay = Math.min(30_000, base * 2 ** (slot.consecutiveDeaths - 1));
    this.logger.error('media worker died', { index, pid: worker.pid, error: error.message, respawnInMs: delay });
    this.emit('workerDied', { index, pid: worker.pid, error });
    slot.respawnTimer = setTimeout(() => void this.respawn(index), delay);
  }

  private async respawn(index: number): Promise<void> {
    const slot = this.slots[index];
    if (this.closed || !slot) return;
    slot.respawnTimer = null;
    try {
      const { worker, webRtcServer } = await this.spawn(index);
      if (this.closed) {
        worker.close();
        return;
      }
      slot.worker = worker;
      slot.webRtcServer = webRtcServer;
      slot.respawns++;
      // A worker that stays up for a minute resets the back-off.
      setTimeout(() => {
        if (slot.worker === worker && !worker.died) slot.consecutiveDeaths = 0;
      }, 60_000).unref();
      this.logger.warn('media worker respawned', { index, pid: worker.pid });
      this.emit('workerRespawned', { index, pid: worker.pid, worker });
    } catch (error) {
      this.onDied(index, slot.worker, error instanceof Error ? error : new Error(String(error)));
    }
  }
}
