import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WORKER_POOL } from '../../../media/src/nest/media.module';
import { WorkerPool } from '../../../media/src/worker-pool';
import { DocumentsHealth, DocumentsStatus } from '../documents/documents-status';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  database: { status: 'up' | 'down'; latencyMs: number | null; error?: string };
  media: { status: 'up' | 'degraded' | 'down'; workers: number; alive: number; pids: number[] };
  /** Not part of the status: an instance without antivirus still holds calls; its documents wait. */
  documents: DocumentsHealth | null;
  uptimeSeconds: number;
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WORKER_POOL) private readonly pool: WorkerPool,
    private readonly documents: DocumentsStatus,
  ) {}

  async check(): Promise<HealthReport> {
    const database = await this.checkDatabase();
    const workers = this.pool.info();
    const alive = workers.filter((w) => w.alive);
    const media: HealthReport['media'] = {
      status: alive.length === 0 ? 'down' : alive.length < workers.length ? 'degraded' : 'up',
      workers: workers.length,
      alive: alive.length,
      pids: alive.map((w) => w.pid),
    };
    const status = database.status === 'down' || media.status === 'down' ? 'down' : media.status === 'degraded' ? 'degraded' : 'ok';
    const documents = database.status === 'up' ? await this.documents.health().catch(() => null) : null;
    return { status, database, media, documents, uptimeSeconds: Math.round(process.uptime()) };
  }

  private async checkDatabase(): Promise<HealthReport['database']> {
    const started = performance.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 2 s')), 2000).unref()),
      ]);
      return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      return { status: 'down', latencyMs: null, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
