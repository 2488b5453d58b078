import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import sharp from 'sharp';
import { PassThrough } from 'node:stream';
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
import { encryptStream } from './storage/envelope';
import { openPlain, readAll } from './storage/plain-object';
import { receivedKey } from './upload-receiver';
import { DOCUMENT_STORAGE, DocumentStorage } from './storage/document-storage';

/** How long one instance holds a document it is checking before another may take it over. */
const LEASE_SECONDS = 120;
/** Pause before asking a silent antivirus again, growing with the attempts. */
const RETRY_DELAYS_SECONDS = [5, 10, 30, 60];
/** Failures other than the antivirus's (storage, decryption) are retried; after this many the document is refused. */
const MAX_FAILED_CHECKS = 5;
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
      try {
        await this.process(document, document.claimToken!);
      } catch (error) {
        // A database failover mid-check, say: the lease runs out and the document is taken again.
        this.logger.error({ err: error, documentId: document.id }, 'checking a document failed');
      }
    }
  }

  private async process(document: DocumentRow, token: string): Promise<void> {
    const started = Date.now();
    let outcome: Outcome | 'lost';
    try {
      outcome = await this.check(document, token);
    } catch (error) {
      // Clean copies of an attempt cut short, unless another instance owns the document by now.
      if (await this.repository.renewLease(document.id, token, LEASE_SECONDS)) await this.removeCleanCopies(document);
      if (error instanceof AntivirusUnavailableError && !/size limit/i.test(error.reason)) {
        const delay = RETRY_DELAYS_SECONDS[Math.min(document.scanAttempts - 1, RETRY_DELAYS_SECONDS.length - 1)]!;
        this.logger.warn(`document ${document.id} waits for the antivirus (${error.reason}); next try in ${delay} s`);
        await this.repository.postponeScan(document.id, token, 'antivirus_unavailable', delay, false);
        return;
      }
      if (error instanceof AntivirusUnavailableError) {
        // clamd's own size limit is below ours (an external clamd's StreamMaxLength): retrying cannot help.
        outcome = { ready: false, rejection: 'too_large', signature: null, detail: error.reason };
      } else if (document.checkFailures + 1 < MAX_FAILED_CHECKS) {
        this.logger.error({ err: error, documentId: document.id, failures: document.checkFailures + 1 }, 'checking a document failed; it will be tried again');
        await this.repository.postponeScan(document.id, token, null, 30, true);
        return;
      } else {
        outcome = { ready: false, rejection: 'damaged', signature: null, detail: `checks failed ${MAX_FAILED_CHECKS} times: ${String(error)}` };
      }
    }
    if (outcome === 'lost') return;

    if (outcome.ready) {
      const done = await this.repository.markReady(document.id, token, outcome.pages, outcome.files, async (tx) => {
        if (!document.emailCopy) return;
        // Too heavy for most mailboxes: the citizen gets it from the facilitator instead.
        if (document.sizeBytes > EMAIL_ATTACHMENT_MAX_BYTES) {
          this.logger.warn(`document ${document.id} is too large to be e-mailed (${document.sizeBytes} bytes)`);
          return;
        }
        await this.outbox.enqueueDocumentCopy(tx, document.consultationId, document.id, document.title);
      });
      if (!done) {
        // Deleted or purged meanwhile: whatever this check wrote goes too. Otherwise another
        // instance took the document over and owns its files: nothing is touched.
        if (await this.repository.isGone(document.id)) await this.storage.deleteDocument(document.id);
        return;
      }
      // The images as received go: only their clean re-encodings remain.
      for (const file of outcome.files) {
        if (file.objectKey !== receivedKey(document.id, file.position)) await this.storage.delete(receivedKey(document.id, file.position)).catch(() => undefined);
      }
      this.logger.log(`document ${document.id} ready (${outcome.pages} page(s), checked in ${Date.now() - started} ms)`);
      return;
    }
    // Nobody will ever open a refused file: its bytes go first, so that a document anyone reads as
    // refused has nothing left in storage. The renewed lease keeps another instance away meanwhile.
    if (!(await this.repository.renewLease(document.id, token, LEASE_SECONDS)) && !(await this.repository.isGone(document.id))) return; // another instance owns it now
    await this.storage.deleteDocument(document.id).catch((e: unknown) => this.logger.error({ err: e }, 'removing a refused document failed'));
    const rejected = await this.repository.markRejected(document.id, token, outcome.rejection, outcome.signature);
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

  /** The checks of one document; 'lost' when another instance took it over meanwhile. */
  private async check(document: DocumentRow, token: string): Promise<Outcome | 'lost'> {
    const files = await this.repository.files([document.id]);
    if (files.length === 0) return { ready: false, rejection: 'damaged', signature: null, detail: 'no file' };
    const dataKey = this.keys.dataKeyOf(document);
    const stillMine = () => this.repository.renewLease(document.id, token, LEASE_SECONDS);

    // Every file, as received, through the antivirus first.
    for (const file of files) {
      const verdict = await this.antivirus.scan(await openPlain(this.storage, file.objectKey, dataKey));
      if (verdict.infected && verdict.signature.startsWith('Heuristics.Limits.Exceeded')) {
        // clamd stopped before the end (a scan limit), which is no virus: said as a file that cannot be checked.
        return { ready: false, rejection: 'damaged', signature: null, detail: `${verdict.signature} in page ${file.position}` };
      }
      if (verdict.infected) return { ready: false, rejection: 'virus', signature: verdict.signature, detail: `${verdict.signature} in page ${file.position}` };
      if (!(await stillMine())) return 'lost';
    }

    const pdf = files.length === 1 && files[0]!.mediaType === 'application/pdf' ? files[0]! : null;
    try {
      if (pdf) {
        const bytes = await readAll(await openPlain(this.storage, pdf.objectKey, dataKey), this.config.maxBytes).catch((error: unknown) => {
          throw error instanceof RangeError ? new InspectionRefusal('too_large', error.message) : error;
        });
        const { pages } = await inspectPdfIsolated(bytes, this.config.maxPages);
        return { ready: true, pages, files: [{ position: pdf.position, objectKey: pdf.objectKey, width: null, height: null }] };
      }
      if (files.length > this.config.maxPages) return { ready: false, rejection: 'too_many_pages', signature: null, detail: `${files.length} pages` };
      const clean = [];
      for (const file of files) {
        // The source is opened first: if it cannot be read, no write has started.
        const source = await openPlain(this.storage, file.objectKey, dataKey);
        const key = cleanKey(document.id, file.position);
        const sealed = new PassThrough();
        const encrypting = encryptStream(dataKey, key);
        const writing = this.storage.put(key, sealed);
        const flowing = pipeline(encrypting, sealed);
        const sanitizing = sanitizeImage(source, encrypting, file.mediaType, this.config.maxPixels);
        // A refused image destroys the chain: the partial copy's write must end (and remove itself) before we go on.
        const [size] = await Promise.all([sanitizing, flowing, writing]).catch(async (error: unknown) => {
          encrypting.destroy(error instanceof Error ? error : new Error(String(error)));
          const [decoding] = await Promise.allSettled([sanitizing, flowing, writing]);
          // The decoder's own verdict (an InspectionRefusal) says why, whichever stream failed first.
          throw decoding.status === 'rejected' ? decoding.reason : error;
        });
        clean.push({ position: file.position, objectKey: key, width: size.width, height: size.height });
        if (!(await stillMine())) return 'lost';
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
}
