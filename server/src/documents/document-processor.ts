import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import sharp from 'sharp';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentRejection } from '../../../shared/documents/documents';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { documentsConfig, DocumentsConfig } from '../config/configuration';
import { AntivirusService } from './antivirus/antivirus.service';
import { AntivirusUnavailableError } from './antivirus/clamd-client';
import { DocumentKeys } from './document-keys';
import { DocumentFileRow, DocumentRow, DocumentsRepository } from './documents.repository';
import { InspectionRefusal, sanitizeImage } from './inspection';
import { inspectPdfIsolated } from './pdf-inspection';
import { decryptStream, encryptStream, unwrapDataKey } from './storage/envelope';
import { DOCUMENT_STORAGE, DocumentStorage } from './storage/document-storage';

/** How long one instance holds a document it is checking before another may take it over. */
const LEASE_SECONDS = 120;
/** Pause before asking a silent antivirus again, growing with the attempts. */
const RETRY_DELAYS_SECONDS = [5, 10, 30, 60];
/** Unexpected failures (storage, decryption) are retried; after this many the document is refused. */
const MAX_FAILED_ATTEMPTS = 8;
/** Documents left waiting (the antivirus was down, an instance died) are looked for this often. */
const POLL_MS = 5_000;

/** Largest document copied to a citizen's e-mail (many mail servers refuse more). */
const EMAIL_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The name of the object holding the clean re-encoding of an image page. */
const cleanKey = (documentId: string, position: number) => `${documentId}/p${position}`;

type Outcome = { ready: true; pages: number; files: Array<Pick<DocumentFileRow, 'position' | 'objectKey' | 'width' | 'height'>> } | { ready: false; rejection: DocumentRejection; signature: string | null; detail: string };

/**
 * Takes each uploaded document through its checks, one at a time per instance (they are CPU and
 * memory heavy): every file scanned by clamd, then images decoded under the pixel limit and
 * re-encoded without metadata, PDFs parsed for active content; ready or rejected. Documents are
 * claimed from PostgreSQL with a lease, so several instances share the queue and a crash loses none.
 */
@Injectable()
export class DocumentProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DocumentChecks');
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: DocumentsRepository,
    private readonly antivirus: AntivirusService,
    private readonly keys: DocumentKeys,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(documentsConfig.KEY) private readonly config: DocumentsConfig,
  ) {
    // One image at a time and one libvips thread: re-encoding is not on the path of any answer, and
    // each extra thread keeps its own allocator arena (hundreds of MB held after a few photos).
    sharp.concurrency(1);
    sharp.cache(false);
  }

  onApplicationBootstrap(): void {
    this.antivirus.onReady(() => this.kick());
    this.poll = setInterval(() => this.kick(), POLL_MS);
    this.poll.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.running;
  }

  /** Checks what is due now (a new upload, the antivirus back). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Until the queue has nothing due. Resolves, never rejects. */
  private async drain(): Promise<void> {
    while (!this.stopped) {
      let document: DocumentRow | undefined;
      try {
        document = await this.repository.claimForScan(LEASE_SECONDS);
      } catch (error) {
        this.logger.error({ err: error }, 'claiming a document to check failed');
        return;
      }
      if (!document) return;
      await this.process(document);
    }
  }

  private async process(document: DocumentRow): Promise<void> {
    const started = Date.now();
    let outcome: Outcome;
    try {
      outcome = await this.check(document);
    } catch (error) {
      if (error instanceof AntivirusUnavailableError) {
        const delay = RETRY_DELAYS_SECONDS[Math.min(document.scanAttempts - 1, RETRY_DELAYS_SECONDS.length - 1)]!;
        this.logger.warn(`document ${document.id} waits for the antivirus (${error.reason}); next try in ${delay} s`);
        await this.repository.postponeScan(document.id, 'antivirus_unavailable', delay).catch((e: unknown) => this.logger.error({ err: e }, 'postponing a scan failed'));
        await this.removeCleanCopies(document);
        return;
      }
      this.logger.error({ err: error, documentId: document.id, attempt: document.scanAttempts }, 'checking a document failed');
      await this.removeCleanCopies(document);
      if (document.scanAttempts < MAX_FAILED_ATTEMPTS) {
        await this.repository.postponeScan(document.id, 'antivirus_unavailable', 30).catch(() => undefined);
        return;
      }
      outcome = { ready: false, rejection: 'damaged', signature: null, detail: 'checks kept failing' };
    }

    if (outcome.ready) {
      const done = await this.repository.markReady(document.id, outcome.pages, outcome.files, async (tx) => {
        if (!document.emailCopy) return;
        // Too heavy for most mailboxes: the citizen gets it from the facilitator instead.
        if (document.sizeBytes > EMAIL_ATTACHMENT_MAX_BYTES) {
          this.logger.warn(`document ${document.id} is too large to be e-mailed (${document.sizeBytes} bytes)`);
          return;
        }
        await this.outbox.enqueueDocumentCopy(tx, document.consultationId, document.id, document.title);
      });
      if (!done) {
        await this.storage.deleteDocument(document.id).catch(() => undefined);
        return;
      }
      // The images as received go: only their clean re-encodings remain.
      const files = await this.repository.files([document.id]);
      for (const file of files) {
        if (file.objectKey !== `${document.id}/r${file.position}`) await this.storage.delete(`${document.id}/r${file.position}`).catch(() => undefined);
      }
      this.logger.log(`document ${document.id} ready (${outcome.pages} page(s), checked in ${Date.now() - started} ms)`);
      return;
    }
    // Nobody will ever open a refused file: its bytes go at once, its row says why.
    await this.storage.deleteDocument(document.id).catch((e: unknown) => this.logger.error({ err: e }, 'removing a refused document failed'));
    const rejected = await this.repository.markRejected(document.id, outcome.rejection, outcome.signature);
    if (rejected) {
      await this.audit.record({
        action: 'document.rejected',
        subjectType: 'document',
        subjectId: document.id,
        details: { consultationId: document.consultationId, rejection: outcome.rejection, signature: outcome.signature, detail: outcome.detail.slice(0, 300) },
      });
      this.logger.warn(`document ${document.id} refused: ${outcome.rejection} (${outcome.detail})`);
    }
  }

  private async check(document: DocumentRow): Promise<Outcome> {
    const files = await this.repository.files([document.id]);
    if (files.length === 0) return { ready: false, rejection: 'damaged', signature: null, detail: 'no file' };
    const dataKey = unwrapDataKey(this.keys.all, { keyId: document.keyId, wrapped: document.wrappedKey }, document.id);

    // Every file, as received, through the antivirus first.
    for (const file of files) {
      const verdict = await this.antivirus.scan(await this.plain(file.objectKey, dataKey));
      if (verdict.infected) return { ready: false, rejection: 'virus', signature: verdict.signature, detail: `${verdict.signature} in page ${file.position}` };
    }

    const pdf = files.length === 1 && files[0]!.mediaType === 'application/pdf' ? files[0]! : null;
    try {
      if (pdf) {
        const bytes = await this.readAll(await this.plain(pdf.objectKey, dataKey));
        const { pages } = await inspectPdfIsolated(bytes, this.config.maxPages);
        return { ready: true, pages, files: [{ position: pdf.position, objectKey: pdf.objectKey, width: null, height: null }] };
      }
      if (files.length > this.config.maxPages) return { ready: false, rejection: 'too_many_pages', signature: null, detail: `${files.length} pages` };
      const clean = [];
      for (const file of files) {
        const key = cleanKey(document.id, file.position);
        const sealed = new PassThrough();
        const encrypting = encryptStream(dataKey, key);
        const writing = this.storage.put(key, sealed);
        const flowing = pipeline(encrypting, sealed);
        const sanitizing = sanitizeImage(await this.plain(file.objectKey, dataKey), encrypting, file.mediaType, this.config.maxPixels);
        // A refused image destroys the chain: the partial copy's write must end (and remove itself) before we go on.
        const [size] = await Promise.all([sanitizing, flowing, writing]).catch(async (error: unknown) => {
          encrypting.destroy(error instanceof Error ? error : new Error(String(error)));
          const [decoding] = await Promise.allSettled([sanitizing, flowing, writing]);
          // The decoder's own verdict (an InspectionRefusal) says why, whichever stream failed first.
          throw decoding.status === 'rejected' ? decoding.reason : error;
        });
        clean.push({ position: file.position, objectKey: key, width: size.width, height: size.height });
      }
      return { ready: true, pages: files.length, files: clean };
    } catch (error) {
      if (error instanceof InspectionRefusal) return { ready: false, rejection: error.rejection, signature: null, detail: error.message };
      throw error;
    }
  }

  /** Clean copies written by an attempt that did not finish. */
  private async removeCleanCopies(document: DocumentRow): Promise<void> {
    const files = await this.repository.files([document.id]).catch(() => []);
    for (const file of files) await this.storage.delete(cleanKey(document.id, file.position)).catch(() => undefined);
  }

  private async plain(objectKey: string, dataKey: Buffer): Promise<Readable> {
    const sealed = await this.storage.get(objectKey);
    const plain = decryptStream(dataKey, objectKey);
    sealed.on('error', (error) => plain.destroy(error));
    return sealed.pipe(plain);
  }

  private async readAll(stream: Readable): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > this.config.maxBytes) throw new InspectionRefusal('too_large', 'larger than the limit');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
}
