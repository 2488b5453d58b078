import { Inject, Injectable } from '@nestjs/common';
import { documentsConfig, DocumentsConfig } from '../config/configuration';
import { DocumentsStatusView } from './dto/documents-status.view';
import { AntivirusService, AntivirusStatus } from './antivirus/antivirus.service';
import { DocumentsRepository } from './documents.repository';

export interface DocumentsHealth {
  antivirus: Pick<AntivirusStatus, 'mode' | 'state' | 'warning' | 'databaseDate'> & {
    signatures: { kind: string; newestAt: string | null; ageDays: number | null } | null;
  };
  /** Documents waiting for their checks, and for how long the oldest has waited. */
  scanning: { waiting: number; oldestSeconds: number | null };
}

/** What the health endpoint (public: no versions) and the admin page (everything) say about documents. */
@Injectable()
export class DocumentsStatus {
  constructor(
    private readonly antivirus: AntivirusService,
    private readonly repository: DocumentsRepository,
    @Inject(documentsConfig.KEY) private readonly config: DocumentsConfig,
  ) {}

  async health(): Promise<DocumentsHealth> {
    const a = this.antivirus.status();
    return {
      antivirus: {
        mode: a.mode,
        state: a.state,
        warning: a.warning,
        databaseDate: a.databaseDate,
        signatures: a.signatures ? { kind: a.signatures.kind, newestAt: a.signatures.newestAt, ageDays: a.signatures.ageDays } : null,
      },
      scanning: await this.repository.scanBacklog(),
    };
  }

  async details(): Promise<DocumentsStatusView> {
    const c = this.config;
    return {
      antivirus: this.antivirus.status(),
      scanning: await this.repository.scanBacklog(),
      limits: { maxBytes: c.maxBytes, maxPages: c.maxPages, maxPixels: c.maxPixels, retentionDays: c.retentionDays, storage: c.storage.kind },
    };
  }
}
