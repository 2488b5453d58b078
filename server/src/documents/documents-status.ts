import { Injectable } from '@nestjs/common';
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

  async details(): Promise<{ antivirus: AntivirusStatus; scanning: DocumentsHealth['scanning'] }> {
    return { antivirus: this.antivirus.status(), scanning: await this.repository.scanBacklog() };
  }
}
