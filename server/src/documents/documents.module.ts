import { Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { documentsConfig, DocumentsConfig } from '../config/configuration';
import { ConsultationStoreModule } from '../consultations/consultation-store.module';
import { CallAccessModule } from '../signalling/call-access.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxAttachments } from '../notifications/dispatch/outbox-attachments';
import { AntivirusService } from './antivirus/antivirus.service';
import { DocumentEvents } from './document-events';
import { DocumentKeys } from './document-keys';
import { DocumentProcessor } from './document-processor';
import { DocumentsController } from './documents.controller';
import { DocumentsMaintenanceTask } from './documents-maintenance.task';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { DocumentsStatus } from './documents-status';
import { DOCUMENT_STORAGE, DocumentStorage, LocalDocumentStorage } from './storage/document-storage';
import { S3DocumentStorage } from './storage/s3-storage';

@Module({
  imports: [AuditModule, ConsultationStoreModule, CallAccessModule, NotificationsModule],
  controllers: [DocumentsController],
  providers: [
    {
      provide: DOCUMENT_STORAGE,
      inject: [documentsConfig.KEY],
      useFactory: (config: DocumentsConfig): DocumentStorage =>
        config.storage.kind === 'local' ? new LocalDocumentStorage(config.storage.dir) : new S3DocumentStorage(config.storage),
    },
    DocumentKeys,
    DocumentsRepository,
    AntivirusService,
    DocumentProcessor,
    DocumentEvents,
    DocumentsService,
    DocumentsMaintenanceTask,
    DocumentsStatus,
  ],
  exports: [DocumentEvents, DocumentsStatus],
})
export class DocumentsModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly attachments: OutboxAttachments,
    private readonly documents: DocumentsService,
  ) {}

  /** A wrong endpoint, bucket or key stops the start with a message naming the setting. */
  async onModuleInit(): Promise<void> {
    // E-mail copies of documents read their file when they leave.
    this.attachments.register((documentId) => this.documents.attachment(documentId));
    if (this.storage instanceof S3DocumentStorage) await this.storage.checkBucket();
  }

  onModuleDestroy(): void {
    if (this.storage instanceof S3DocumentStorage) this.storage.close();
  }
}
