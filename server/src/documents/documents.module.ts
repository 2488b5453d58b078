import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { documentsConfig, DocumentsConfig } from '../config/configuration';
import { ConsultationStoreModule } from '../consultations/consultation-store.module';
import { CallAccessModule } from '../signalling/call-access.module';
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

@Module({
  imports: [AuditModule, ConsultationStoreModule, CallAccessModule],
  controllers: [DocumentsController],
  providers: [
    {
      provide: DOCUMENT_STORAGE,
      inject: [documentsConfig.KEY],
      useFactory: (config: DocumentsConfig): DocumentStorage => {
        if (config.storage.kind === 'local') return new LocalDocumentStorage(config.storage.dir);
        throw new Error('DOCUMENT_STORAGE=s3 is not available yet');
      },
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
export class DocumentsModule {}
