import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DocumentDirection, DocumentMediaType, DocumentRejection, DocumentSenderRole, DocumentStatus, DocumentWait } from '../../../shared/documents/documents';

export interface DocumentRow {
  id: string;
  consultationId: string;
  direction: DocumentDirection;
  senderRole: DocumentSenderRole;
  senderUserId: string | null;
  senderDeviceId: string | null;
  senderName: string;
  title: string;
  status: DocumentStatus;
  rejection: DocumentRejection | null;
  signature: string | null;
  waiting: DocumentWait | null;
  pages: number | null;
  sizeBytes: number;
  keyId: string;
  wrappedKey: Buffer;
  scanAttempts: number;
  /** Checks that failed for another reason than the antivirus (storage, decryption). */
  checkFailures: number;
  /** Set on the row this instance claimed: its writes require it (another instance may have taken over). */
  claimToken: string | null;
  /** The agent asked for a copy to the citizen's e-mail (with their agreement). */
  emailCopy: boolean;
  createdAt: Date;
  readyAt: Date | null;
}

export interface DocumentFileRow {
  documentId: string;
  position: number;
  objectKey: string;
  originalName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
}

const DOC_COLUMNS = `d.id, d.consultation_id AS "consultationId", d.direction, d.sender_role AS "senderRole",
  d.sender_user_id AS "senderUserId", d.sender_device_id AS "senderDeviceId", d.sender_name AS "senderName", d.title,
  d.status, d.rejection, d.signature, d.waiting, d.pages, d.size_bytes::float8 AS "sizeBytes", d.key_id AS "keyId",
  d.wrapped_key AS "wrappedKey", d.scan_attempts AS "scanAttempts", d.check_failures AS "checkFailures", d.claim_token AS "claimToken", d.email_copy AS "emailCopy", d.created_at AS "createdAt", d.ready_at AS "readyAt"`;

const FILE_COLUMNS = `f.document_id AS "documentId", f.position, f.object_key AS "objectKey", f.original_name AS "originalName",
  f.media_type AS "mediaType", f.size_bytes::float8 AS "sizeBytes", f.sha256, f.width, f.height`;

/** PostgreSQL channel on which every instance hears that a document changed (see DocumentEvents). */
export const DOCUMENTS_CHANNEL = 'visio_documents';

/** The only code that touches the `documents` and `document_files` tables. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertUploading(row: Pick<DocumentRow, 'id' | 'consultationId' | 'direction' | 'senderRole' | 'senderUserId' | 'senderDeviceId' | 'senderName' | 'title' | 'keyId' | 'wrappedKey'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO documents (id, consultation_id, direction, sender_role, sender_user_id, sender_device_id, sender_name, title, key_id, wrapped_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [row.id, row.consultationId, row.direction, row.senderRole, row.senderUserId, row.senderDeviceId, row.senderName, row.title, row.keyId, row.wrappedKey],
    );
  }

  /** The upload is whole: its files are recorded and the document waits for its scan. */
  async markUploaded(tx: EntityManager, documentId: string, title: string, emailCopy: boolean, files: Array<Omit<DocumentFileRow, 'documentId' | 'width' | 'height'>>): Promise<void> {
    for (const f of files) {
      await tx.query(
        `INSERT INTO document_files (document_id, position, object_key, original_name, media_type, size_bytes, sha256, width, height)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)`,
        [documentId, f.position, f.objectKey, f.originalName, f.mediaType, f.sizeBytes, f.sha256],
      );
    }
    await tx.query(
      `UPDATE documents SET status = 'scanning', title = $3, email_copy = $4, size_bytes = $2, next_attempt_at = now() WHERE id = $1 AND status = 'uploading'`,
      [documentId, files.reduce((n, f) => n + f.sizeBytes, 0), title, emailCopy],
    );
    await this.notify(tx, documentId);
  }

  /** An upload that failed: the row goes (its objects were removed by the caller). */
  async deleteUploading(documentId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM documents WHERE id = $1 AND status = 'uploading'`, [documentId]);
  }

  /** Whether the document was deleted or purged (its files are to go, whatever a check wrote meanwhile). */
  async isGone(documentId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM documents WHERE id = $1 AND deleted_at IS NULL AND purged_at IS NULL`, [documentId])) as unknown[];
    return rows.length === 0;
  }

  async find(documentId: string): Promise<DocumentRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${DOC_COLUMNS} FROM documents d WHERE d.id = $1 AND d.deleted_at IS NULL AND d.purged_at IS NULL`,
      [documentId],
    )) as DocumentRow[];
    return row;
  }

  async listForConsultation(consultationId: string): Promise<DocumentRow[]> {
    return this.dataSource.query(
      `SELECT ${DOC_COLUMNS} FROM documents d
        WHERE d.consultation_id = $1 AND d.deleted_at IS NULL AND d.purged_at IS NULL
        ORDER BY d.created_at, d.id`,
      [consultationId],
    );
  }

  async files(documentIds: readonly string[]): Promise<DocumentFileRow[]> {
    if (documentIds.length === 0) return [];
    return this.dataSource.query(`SELECT ${FILE_COLUMNS} FROM document_files f WHERE f.document_id = ANY($1) ORDER BY f.document_id, f.position`, [documentIds]);
  }

  /**
   * Takes the oldest document due for its scan, for `leaseSeconds`: another instance (or this one
   * after a crash) takes it again only once the lease is over.
   */
  async claimForScan(leaseSeconds: number): Promise<DocumentRow | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE documents d SET lease_until = now() + make_interval(secs => $1), scan_attempts = d.scan_attempts + 1, claim_token = gen_random_uuid()
        WHERE d.id = (SELECT id FROM documents
                       WHERE status = 'scanning' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
                         AND deleted_at IS NULL AND purged_at IS NULL
                       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${DOC_COLUMNS}`,
      [leaseSeconds],
    )) as [DocumentRow[], number];
    return rows[0];
  }

  /** Keeps the claim while a long check goes on; false once another instance took it over (or it was deleted). */
  async renewLease(documentId: string, claimToken: string, leaseSeconds: number): Promise<boolean> {
    const [, changed] = (await this.dataSource.query(
      `UPDATE documents SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND claim_token = $2 AND status = 'scanning' RETURNING id`,
      [documentId, claimToken, leaseSeconds],
    )) as [unknown[], number];
    return changed > 0;
  }

  /**
   * The check could not be finished now: the document waits and is tried again after
   * `delaySeconds`, saying why when it is the antivirus. A failure of another kind is counted.
   */
  async postponeScan(documentId: string, claimToken: string, wait: DocumentWait | null, delaySeconds: number, countFailure: boolean): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(
        `WITH old AS (SELECT waiting FROM documents WHERE id = $1 AND status = 'scanning' AND claim_token = $4 FOR UPDATE)
         UPDATE documents d SET lease_until = NULL, claim_token = NULL, next_attempt_at = now() + make_interval(secs => $3), waiting = $2,
                check_failures = d.check_failures + $5
           FROM old WHERE d.id = $1
         RETURNING old.waiting AS previous`,
        [documentId, wait, delaySeconds, claimToken, countFailure ? 1 : 0],
      )) as [Array<{ previous: DocumentWait | null }>, number];
      // The participants hear it once, when the reason for waiting changes.
      if (rows[0] && rows[0].previous !== wait) await this.notify(tx, documentId);
    });
  }

  /** The checks are over: clean files and their sizes recorded, the document ready. */
  async markReady(
    documentId: string,
    claimToken: string,
    pages: number,
    files: Array<Pick<DocumentFileRow, 'position' | 'objectKey' | 'width' | 'height'>>,
    alsoInTransaction: (tx: EntityManager) => Promise<void> = async () => undefined,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const [, changed] = (await tx.query(
        `UPDATE documents SET status = 'ready', pages = $2, waiting = NULL, lease_until = NULL, claim_token = NULL, next_attempt_at = NULL, ready_at = now()
          WHERE id = $1 AND status = 'scanning' AND claim_token = $3 AND deleted_at IS NULL AND purged_at IS NULL RETURNING id`,
        [documentId, pages, claimToken],
      )) as [unknown[], number];
      if (changed === 0) return false;
      for (const f of files) {
        await tx.query(`UPDATE document_files SET object_key = $3, width = $4, height = $5 WHERE document_id = $1 AND position = $2`, [
          documentId,
          f.position,
          f.objectKey,
          f.width,
          f.height,
        ]);
      }
      await alsoInTransaction(tx);
      await this.notify(tx, documentId);
      return true;
    });
  }

  async markRejected(documentId: string, claimToken: string, rejection: DocumentRejection, signature: string | null): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const [, changed] = (await tx.query(
        `UPDATE documents SET status = 'rejected', rejection = $2, signature = $3, waiting = NULL, lease_until = NULL, claim_token = NULL, next_attempt_at = NULL
          WHERE id = $1 AND status = 'scanning' AND claim_token = $4 AND deleted_at IS NULL AND purged_at IS NULL RETURNING id`,
        [documentId, rejection, signature, claimToken],
      )) as [unknown[], number];
      if (changed > 0) await this.notify(tx, documentId);
      return changed > 0;
    });
  }

  /** Deleted by a person: the row stays for the figures, without its title; its files go. */
  async markDeleted(tx: EntityManager, documentId: string): Promise<boolean> {
    const [, changed] = (await tx.query(
      `UPDATE documents SET deleted_at = now(), title = '(supprimé)', lease_until = NULL, next_attempt_at = NULL
        WHERE id = $1 AND deleted_at IS NULL AND purged_at IS NULL RETURNING id`,
      [documentId],
    )) as [unknown[], number];
    if (changed > 0) {
      await tx.query(`DELETE FROM document_files WHERE document_id = $1`, [documentId]);
      await this.notify(tx, documentId, 'deleted');
    }
    return changed > 0;
  }

  /**
   * Documents whose files must go: those of consultations ended more than `days` ago, and uploads
   * left unfinished for a day (a crash in the middle of one).
   */
  async dueForPurge(days: number, limit: number): Promise<Array<{ id: string; status: DocumentStatus }>> {
    return this.dataSource.query(
      `SELECT d.id, d.status FROM documents d JOIN consultations c ON c.id = d.consultation_id
        WHERE d.purged_at IS NULL
          AND ((c.ends_at < now() - make_interval(days => $1))
               OR (d.status = 'uploading' AND d.created_at < now() - interval '24 hours'))
        ORDER BY d.created_at LIMIT $2`,
      [days, limit],
    );
  }

  /** Files gone: the row keeps what statistics need. An unfinished upload leaves no row. */
  async markPurged(documentId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`DELETE FROM documents WHERE id = $1 AND status = 'uploading'`, [documentId]);
      await tx.query(`DELETE FROM document_files WHERE document_id = $1`, [documentId]);
      await tx.query(
        `UPDATE documents SET purged_at = now(), title = '(effacé)', sender_name = '(effacé)', lease_until = NULL, next_attempt_at = NULL
          WHERE id = $1`,
        [documentId],
      );
    });
  }

  /** Data keys still wrapped by another master key than `keyId`, for rewrapping. */
  async wrappedByOtherKeys(keyId: string, knownKeyIds: readonly string[], limit: number): Promise<Array<{ id: string; keyId: string; wrappedKey: Buffer }>> {
    return this.dataSource.query(
      `SELECT id, key_id AS "keyId", wrapped_key AS "wrappedKey" FROM documents
        WHERE key_id <> $1 AND key_id = ANY($3::text[]) AND purged_at IS NULL LIMIT $2`,
      [keyId, limit, knownKeyIds],
    );
  }

  async rewrap(documentId: string, previousKeyId: string, keyId: string, wrapped: Buffer): Promise<void> {
    await this.dataSource.query(`UPDATE documents SET key_id = $3, wrapped_key = $4 WHERE id = $1 AND key_id = $2`, [documentId, previousKeyId, keyId, wrapped]);
  }

  /** Whether a document of the consultation is still being scanned (the health page counts them). */
  async scanBacklog(): Promise<{ waiting: number; oldestSeconds: number | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS waiting, extract(epoch FROM now() - min(created_at))::float8 AS "oldestSeconds" FROM documents
        WHERE status = 'scanning' AND deleted_at IS NULL AND purged_at IS NULL`,
    )) as Array<{ waiting: number; oldestSeconds: number | null }>;
    return row ?? { waiting: 0, oldestSeconds: null };
  }

  /** Told to every instance after commit (NOTIFY is transactional). */
  private async notify(tx: EntityManager, documentId: string, status?: 'deleted'): Promise<void> {
    await tx.query(
      `SELECT pg_notify($1, json_build_object('documentId', d.id, 'consultationId', d.consultation_id, 'status', COALESCE($3, d.status::text))::text)
         FROM documents d WHERE d.id = $2`,
      [DOCUMENTS_CHANNEL, documentId, status ?? null],
    );
  }
}
