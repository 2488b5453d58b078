import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { PeriodicTask } from '../common/background/periodic-task';
import { documentsConfig, DocumentsConfig } from '../config/configuration';
import { DocumentKeys } from './document-keys';
import { DocumentsRepository } from './documents.repository';
import { wrapDataKey } from './storage/envelope';
import { DOCUMENT_STORAGE, DocumentStorage } from './storage/document-storage';

const INTERVAL_MS = 10 * 60_000;
const FIRST_RUN_MS = 30_000;
const BATCH = 100;

export interface MaintenanceFigures {
  purged: number;
  rewrapped: number;
}

/**
 * Documents' retention and key rotation, every ten minutes in each instance (each step is safe to
 * run twice): files of consultations ended more than DOCUMENT_RETENTION_DAYS ago are deleted (the
 * rows keep their figures), unfinished uploads after a day; data keys wrapped by a master key
 * that is no longer the first of DOCUMENTS_MASTER_KEYS are rewrapped by the first.
 */
@Injectable()
export class DocumentsMaintenanceTask implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DocumentsMaintenance');
  private readonly task: PeriodicTask<MaintenanceFigures>;

  constructor(
    private readonly repository: DocumentsRepository,
    private readonly keys: DocumentKeys,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(documentsConfig.KEY) private readonly config: DocumentsConfig,
  ) {
    this.task = new PeriodicTask({
      run: () => this.runOnce(),
      intervalMs: INTERVAL_MS,
      again: (figures) => figures.purged === BATCH || figures.rewrapped === BATCH,
      onError: (error) => this.logger.error({ err: error }, 'documents maintenance failed'),
    });
  }

  onApplicationBootstrap(): void {
    this.task.start(FIRST_RUN_MS);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  async runOnce(): Promise<MaintenanceFigures> {
    return { purged: await this.purge(), rewrapped: await this.rewrap() };
  }

  private async purge(): Promise<number> {
    const due = await this.repository.dueForPurge(this.config.retentionDays, BATCH);
    for (const document of due) {
      try {
        // Files first: a row marked purged with its files still there would never be looked at again.
        await this.storage.deleteDocument(document.id);
        await this.repository.markPurged(document.id);
      } catch (error) {
        // One document that cannot go now (storage down) does not hold the others back.
        this.logger.error({ err: error, documentId: document.id }, 'purging a document failed; it is tried again next time');
      }
    }
    if (due.length > 0) {
      await this.audit.record({ action: 'document.purged', subjectType: 'document', details: { count: due.length, retentionDays: this.config.retentionDays } });
      this.logger.log(`purged ${due.length} document(s)`);
    }
    return due.length;
  }

  private async rewrap(): Promise<number> {
    const active = this.keys.active;
    // Only keys this instance knows: one wrapped by a key removed too early is reported, not retried forever.
    const stale = await this.repository.wrappedByOtherKeys(active.id, this.keys.all.map((k) => k.id), BATCH);
    for (const row of stale) {
      try {
        const dataKey = this.keys.dataKeyOf(row);
        await this.repository.rewrap(row.id, row.keyId, active.id, wrapDataKey(active, dataKey, row.id).wrapped);
      } catch (error) {
        this.logger.error({ err: error, documentId: row.id }, 'rewrapping a document key failed');
      }
    }
    if (stale.length > 0) this.logger.log(`rewrapped ${stale.length} document key(s) with master key "${active.id}"`);
    return stale.length;
  }
}
