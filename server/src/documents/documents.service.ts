import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from 'typeorm';
import { Readable } from 'node:stream';
import type { DocumentDirection, DocumentMediaType, DocumentView } from '../../../shared/documents/documents';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { toParisIso } from '../common/time/paris-time';
import { documentsConfig, DocumentsConfig } from '../config/configuration';
import { ConsultationReader } from '../consultations/consultation.reader';
import { CallAccess, CallAccessService } from '../signalling/call-access.service';
import { DocumentKeys } from './document-keys';
import { DocumentFileRow, DocumentRow, DocumentsRepository } from './documents.repository';
import { DocumentProcessor } from './document-processor';
import { imagesToPdf } from './inspection';
import { newDataKey } from './storage/envelope';
import { openPlain, readAll } from './storage/plain-object';
import sharp from 'sharp';
import { DOCUMENT_STORAGE, DocumentStorage } from './storage/document-storage';
import { receiveUpload } from './upload-receiver';
import { RequestContexts } from '../common/http/request-context';

/** What each side may send, found from the bytes (never from the name or the declared type). */
export const ACCEPTED_TYPES: Record<DocumentDirection, readonly DocumentMediaType[]> = {
  to_agent: ['image/jpeg', 'image/png', 'application/pdf'],
  to_citizen: ['application/pdf', 'image/jpeg', 'image/png'],
};

/** How long a silent upload is waited for. */
const UPLOAD_IDLE_MS = 30_000;

/** Who reads a document, as decided for one request. */
interface Reader {
  principal: Principal;
  consultationId: string;
  isAgent: boolean;
}

export type DocumentPart = { kind: 'file'; position: number } | { kind: 'pdf' };

export interface OpenedDocument {
  stream: Readable;
  mediaType: DocumentMediaType;
  name: string;
  size: number | null;
}

/** Who a link is bound to: the session of an account, or the paired terminal. */
const bindingOf = (principal: Principal) => (principal.kind === 'user' ? `s:${principal.sessionId}` : `d:${principal.deviceId}`);

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly repository: DocumentsRepository,
    private readonly access: CallAccessService,
    private readonly consultations: ConsultationReader,
    private readonly keys: DocumentKeys,
    private readonly processor: DocumentProcessor,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(documentsConfig.KEY) private readonly config: DocumentsConfig,
  ) {}

  /**
   * Receives a document from a participant during the consultation's window: the booth or the
   * facilitator sends to the agent, the agent to the citizen. Answers once the files are stored
   * (encrypted) and the document waits for its scan; nothing of a refused upload is kept.
   */
  async upload(principal: Principal, consultationId: string, request: IncomingMessage, ip: string | null): Promise<DocumentView> {
    const access = await this.access.authorize(principal, consultationId);
    const direction: DocumentDirection = access.role === 'agent' ? 'to_citizen' : 'to_agent';
    const documentId = randomUUID();
    const { dataKey, wrapped } = newDataKey(this.keys.active, documentId);
    await this.repository.insertUploading({
      id: documentId,
      consultationId,
      direction,
      senderRole: access.role,
      senderUserId: principal.kind === 'user' ? principal.userId : null,
      senderDeviceId: principal.kind === 'device' ? principal.deviceId : null,
      senderName: access.role === 'booth' ? `Cabine – ${access.displayName}` : access.displayName,
      title: 'Document en cours d’envoi',
      keyId: wrapped.keyId,
      wrappedKey: wrapped.wrapped,
    });
    let received: Awaited<ReturnType<typeof receiveUpload>>;
    try {
      received = await receiveUpload(
        request,
        { documentId, dataKey, storage: this.storage },
        { maxBytes: this.config.maxBytes, maxFiles: this.config.maxPages, idleMs: UPLOAD_IDLE_MS, accepted: ACCEPTED_TYPES[direction] },
      );
    } catch (error) {
      await this.discard(documentId);
      throw error;
    }
    const title = received.title ?? received.files[0]?.originalName ?? 'document';
    try {
      await this.repository.transaction(async (tx) => {
        if (received.emailCopy) await this.checkEmailCopy(tx, consultationId, direction);
        await this.repository.markUploaded(tx, documentId, title, received.emailCopy, received.files);
      await this.audit.record(
        {
          action: 'document.uploaded',
          ...this.actor(principal),
          subjectType: 'document',
          subjectId: documentId,
          ip,
          details: {
            consultationId,
            direction,
            files: received.files.length,
            bytes: received.files.reduce((n, f) => n + f.sizeBytes, 0),
            ...(received.emailCopy ? { emailCopy: true } : {}),
          },
        },
        tx,
      );
      });
    } catch (error) {
      await this.discard(documentId);
      throw error;
    }
    const view = await this.viewOf(this.readerOf(access), documentId);
    // After the answer is ready: the checks take the CPU, the sender should not wait for them.
    RequestContexts.outside(() => this.processor.kick());
    if (!view) throw new DomainError('NOT_FOUND', 'The document was removed meanwhile.');
    return view;
  }

  async list(principal: Principal, consultationId: string): Promise<DocumentView[]> {
    const reader = await this.reader(principal, consultationId);
    const rows = await this.repository.listForConsultation(consultationId);
    const files = await this.repository.files(rows.map((r) => r.id));
    return rows.map((row) => this.toView(reader, row, files.filter((f) => f.documentId === row.id)));
  }

  /**
   * The content of a ready document, for a link signed for this very session and not yet expired.
   * The decryption streams: a tampered file fails at the altered segment.
   */
  async open(principal: Principal, documentId: string, part: DocumentPart, link: { exp: number; sig: string }, download: boolean, ip: string | null): Promise<OpenedDocument> {
    if (!this.keys.verify(this.linkPayload(principal, documentId, part, link.exp), link.sig)) {
      throw new DomainError('FORBIDDEN', 'This link was not made for your session.');
    }
    if (link.exp * 1000 < Date.now()) throw new DomainError('LINK_EXPIRED', 'This link has expired; list the documents again.');
    const row = await this.repository.find(documentId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such document.');
    await this.reader(principal, row.consultationId);
    if (row.status !== 'ready') throw new DomainError('DOCUMENT_NOT_READY', 'This document has not passed its checks.');
    const files = await this.repository.files([documentId]);
    const dataKey = this.keys.dataKeyOf(row);
    await this.audit.record({
      action: download ? 'document.downloaded' : 'document.viewed',
      ...this.actor(principal),
      subjectType: 'document',
      subjectId: documentId,
      ip,
      details: { consultationId: row.consultationId, part: part.kind === 'pdf' ? 'pdf' : part.position },
    });
    if (part.kind === 'file') {
      const file = files.find((f) => f.position === part.position);
      if (!file) throw new DomainError('NOT_FOUND', 'No such page.');
      return { stream: await this.decrypted(file, dataKey), mediaType: file.mediaType, name: this.fileName(row, file), size: null };
    }
    return { ...(await this.asOnePdf(files, dataKey)), mediaType: 'application/pdf', name: this.pdfName(row) };
  }

  /** The whole document as one PDF: the PDF itself (streamed), or the photographed pages assembled (a few MB, in memory). */
  private async asOnePdf(files: DocumentFileRow[], dataKey: Buffer): Promise<{ stream: Readable; size: number | null }> {
    const only = files.length === 1 ? files[0] : undefined;
    if (only?.mediaType === 'application/pdf') return { stream: await this.decrypted(only, dataKey), size: null };
    const pdf = await this.pagesAsPdf(files, dataKey);
    return { stream: Readable.from([pdf]), size: pdf.length };
  }

  /**
   * A copy by e-mail goes only from the agent to the citizen, to the address the citizen gave at
   * booking, and (the agent confirms it in the form) with their agreement.
   */
  private async checkEmailCopy(tx: EntityManager, consultationId: string, direction: DocumentDirection): Promise<void> {
    if (direction !== 'to_citizen') throw new DomainError('VALIDATION_FAILED', 'Only the agent sends a copy to the citizen.', { emailCopy: ['NOT_ALLOWED'] });
    const [consultation] = await this.consultations.describe(tx, [consultationId]);
    if (!consultation?.citizen_email) throw new DomainError('VALIDATION_FAILED', 'The citizen gave no e-mail address.', { emailCopy: ['NOT_ALLOWED'] });
  }

  /**
   * The file an e-mail copy carries, read when the message leaves: the PDF, or the pages as one PDF.
   * Null once the document is gone (deleted, purged) or if it is not ready.
   */
  async attachment(documentId: string): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
    const row = await this.repository.find(documentId);
    if (!row || row.status !== 'ready') return null;
    const files = await this.repository.files([documentId]);
    const dataKey = this.keys.dataKeyOf(row);
    return { filename: this.pdfName(row), contentType: 'application/pdf', content: await readAll((await this.asOnePdf(files, dataKey)).stream) };
  }

  /** The consultation's agent deletes any document; a sender its own, while the call is open. */
  async delete(principal: Principal, documentId: string, ip: string | null): Promise<void> {
    const row = await this.repository.find(documentId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such document.');
    const reader = await this.reader(principal, row.consultationId);
    if (!this.canDelete(reader, row)) throw new DomainError('FORBIDDEN', 'Only the agent or the sender deletes a document.');
    const deleted = await this.repository.transaction(async (tx) => {
      const done = await this.repository.markDeleted(tx, documentId);
      if (done) {
        await this.audit.record(
          { action: 'document.deleted', ...this.actor(principal), subjectType: 'document', subjectId: documentId, ip, details: { consultationId: row.consultationId } },
          tx,
        );
      }
      return done;
    });
    if (!deleted) throw new DomainError('NOT_FOUND', 'No such document.');
    await this.storage.deleteDocument(documentId).catch((error: unknown) => this.logger.error({ err: error, documentId }, 'removing a deleted document’s files failed'));
  }

  /** An upload that did not complete: its objects and its row go. */
  private async discard(documentId: string): Promise<void> {
    try {
      await this.storage.deleteDocument(documentId);
      await this.repository.deleteUploading(documentId);
    } catch (error) {
      // The purge removes unfinished uploads after a day: nothing stays for good.
      this.logger.error({ err: error, documentId }, 'cleaning up a refused upload failed');
    }
  }

  /**
   * The consultation's agent and the facilitators of its MSAP read its documents at any time (until
   * they are purged); the booth terminal only while the call is open, so that nothing remains
   * reachable from the booth once the citizen has gone.
   */
  private async reader(principal: Principal, consultationId: string): Promise<Reader> {
    if (principal.kind === 'device') return this.readerOf(await this.access.authorize(principal, consultationId));
    const consultation = await this.consultations.findForCall(consultationId);
    if (!consultation) throw new DomainError('NOT_FOUND', 'No such consultation.');
    const isAgent = principal.role === 'agent' && consultation.agentUserId === principal.userId;
    const isFacilitator = principal.role === 'facilitator' && principal.msapSiteId === consultation.msapSiteId;
    if (!isAgent && !isFacilitator) throw new DomainError('FORBIDDEN', 'You are not a participant of this consultation.');
    return { principal, consultationId, isAgent };
  }

  private readerOf(access: CallAccess): Reader {
    return { principal: access.principal, consultationId: access.consultationId, isAgent: access.role === 'agent' };
  }

  private async viewOf(reader: Reader, documentId: string): Promise<DocumentView | undefined> {
    const row = await this.repository.find(documentId);
    if (!row) return undefined;
    return this.toView(reader, row, await this.repository.files([documentId]));
  }

  private canDelete(reader: Reader, row: DocumentRow): boolean {
    const p = reader.principal;
    return reader.isAgent || (p.kind === 'user' ? row.senderUserId === p.userId : row.senderDeviceId === p.deviceId);
  }

  private toView(reader: Reader, row: DocumentRow, files: DocumentFileRow[]): DocumentView {
    const ready = row.status === 'ready';
    // NOTE: expiries fall on a grid of the link lifetime, so that a list read again gives the same
    // links (an open image is not fetched, nor audited, again): a link lives one to two lifetimes.
    const ttl = this.config.linkTtlSeconds;
    const exp = (Math.floor(Date.now() / 1000 / ttl) + 2) * ttl;
    const link = (part: DocumentPart) => {
      const path = part.kind === 'pdf' ? `/api/documents/${row.id}/pdf` : `/api/documents/${row.id}/files/${part.position}`;
      return `${path}?exp=${exp}&sig=${this.keys.sign(this.linkPayload(reader.principal, row.id, part, exp))}`;
    };
    return {
      id: row.id,
      consultationId: row.consultationId,
      direction: row.direction,
      senderRole: row.senderRole,
      senderName: row.senderName,
      title: row.title,
      status: row.status,
      rejection: row.rejection,
      signature: row.signature,
      waiting: row.waiting,
      pages: row.pages,
      size: row.sizeBytes,
      createdAt: toParisIso(row.createdAt),
      readyAt: row.readyAt ? toParisIso(row.readyAt) : null,
      files: files.map((f) => ({
        position: f.position,
        mediaType: f.mediaType,
        size: f.sizeBytes,
        sha256: f.sha256,
        width: f.width,
        height: f.height,
        url: ready ? link({ kind: 'file', position: f.position }) : null,
      })),
      pdfUrl: ready ? link({ kind: 'pdf' }) : null,
      emailCopy: row.emailCopy,
      canDelete: this.canDelete(reader, row),
    };
  }

  private linkPayload(principal: Principal, documentId: string, part: DocumentPart, exp: number): string {
    return `${documentId}:${part.kind === 'pdf' ? 'pdf' : part.position}:${exp}:${bindingOf(principal)}`;
  }

  private actor(principal: Principal) {
    return principal.kind === 'user' ? { actorUserId: principal.userId } : { actorDeviceId: principal.deviceId };
  }

  private decrypted(file: DocumentFileRow, dataKey: Buffer): Promise<Readable> {
    return openPlain(this.storage, file.objectKey, dataKey);
  }

  /**
   * Photographed pages as one PDF. PNG pages are turned into JPEG by libvips first (off the main
   * thread): pdf-lib would decode and deflate each PNG in JavaScript, blocking every call meanwhile.
   */
  private async pagesAsPdf(files: DocumentFileRow[], dataKey: Buffer): Promise<Buffer> {
    const images = [];
    for (const file of files) {
      const bytes = await readAll(await this.decrypted(file, dataKey));
      images.push(file.mediaType === 'image/png' ? { bytes: await sharp(bytes).jpeg({ quality: 92 }).toBuffer(), mediaType: 'image/jpeg' as const } : { bytes, mediaType: file.mediaType });
    }
    return Buffer.from(await imagesToPdf(images));
  }

  private fileName(row: DocumentRow, file: DocumentFileRow): string {
    const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[file.mediaType];
    const base = file.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '') || row.title;
    return `${base}.${extension}`;
  }

  private pdfName(row: DocumentRow): string {
    return `${row.title.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.pdf`;
  }
}
