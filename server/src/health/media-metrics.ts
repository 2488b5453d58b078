import { Counter, Gauge, Registry } from 'prom-client';
import { WorkerPool } from '../../../media/src/worker-pool';

/**
 * The media workers' series. Each is read from the pool when Prometheus scrapes, so nothing has to
 * be told about deaths and respawns; the `worker` label is the pool's slot (0…MEDIA_WORKERS−1), not
 * the process id, so the number of series stays fixed across respawns.
 */
export function registerMediaMetrics(registry: Registry, pool: WorkerPool): void {
  new Gauge({
    name: 'visio_media_workers_alive',
    help: 'mediasoup workers currently alive',
    registers: [registry],
    collect() {
      this.set(pool.info().filter((w) => w.alive).length);
    },
  });
  new Counter({
    name: 'visio_media_worker_restarts_total',
    help: 'Times the media worker of a slot died and was replaced by a new process, since start',
    labelNames: ['worker'],
    registers: [registry],
    collect() {
      this.reset();
      for (const w of pool.info()) this.inc({ worker: String(w.index) }, w.respawns);
    },
  });
  new Gauge({
    name: 'visio_media_worker_respawns',
    help: 'Deprecated, use visio_media_worker_restarts_total: times media workers were respawned since start',
    registers: [registry],
    collect() {
      this.set(pool.info().reduce((sum, w) => sum + w.respawns, 0));
    },
  });
  new Counter({
    name: 'visio_media_worker_cpu_seconds_total',
    // NOTE: a respawned worker is a new process whose count starts at zero: a counter reset, which
    // rate() and increase() account for, as for a restarted server's process_cpu_seconds_total.
    help: 'CPU time (user + system) used by the media worker process of a slot',
    labelNames: ['worker'],
    registers: [registry],
    async collect() {
      const usage = await pool.cpuUsage();
      this.reset();
      for (const u of usage) this.inc({ worker: String(u.index) }, u.cpuSeconds);
    },
  });
}
