import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentMediaType } from '../../../shared/documents/documents';
import { DomainError } from '../common/errors/domain.error';
import { cleanFileName, cleanTitle } from './file-name';
import { SNIFF_BYTES, sniffType } from './file-type';
import { encryptStream } from './storage/envelope';
import type { DocumentFileRow } from './documents.repository';
import { DocumentStorage } from './storage/document-storage';

/** A file as received: stored encrypted, typed, measured and hashed; its pixel size comes with the checks. */
export type ReceivedFile = Omit<DocumentFileRow, 'documentId' | 'width' | 'height'>;

export interface UploadLimits {
  maxBytes: number;
  maxFiles: number;
  idleMs: number;
  accepted: readonly DocumentMediaType[];
}

/** Multipart framing around the files (boundaries, part headers, the title field). */
const FRAMING_ALLOWANCE = 64 * 1024;
const TITLE_MAX = 200;

/** The name of the object holding file `position` as received (before its checks). */
export const receivedKey = (documentId: string, position: number) => `${documentId}/r${position}`;

/** Checks the type from the first bytes and passes them on untouched. */
function typeGate(accepted: readonly DocumentMediaType[], onType: (type: DocumentMediaType) => void): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  const decide = (self: Transform): Error | null => {
    const type = sniffType(head!);
    if (!type.accepted || !accepted.includes(type.mediaType)) {
      return new DomainError('DOCUMENT_TYPE_REFUSED', `Only ${accepted.join(', ')} are accepted (this file looks like: ${type.accepted ? type.mediaType : type.kind}).`);
    }
    onType(type.mediaType);
    self.push(head);
    head = null;
    return null;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (head === null) return callback(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < SNIFF_BYTES) return callback();
      callback(decide(this));
    },
    flush(callback: TransformCallback) {
      callback(head === null ? null : decide(this));
    },
  });
}

/**
 * Receives a multipart upload as it arrives: each file is typed from its first bytes, measured,
 * hashed, encrypted and written to storage in one pass, so that no file is ever held whole in
 * memory nor written in clear. Any refusal stops the request at once; the caller removes what was
 * written. A PDF comes alone; photographed pages come as several images, in order.
 */
export async function receiveUpload(
  request: IncomingMessage,
  target: { documentId: string; dataKey: Buffer; storage: DocumentStorage },
  limits: UploadLimits,
): Promise<{ title: string | null; emailCopy: boolean; files: ReceivedFile[] }> {
  if (!/^multipart\/form-data;/i.test(request.headers['content-type'] ?? '')) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the document as multipart/form-data.');
  }
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes + FRAMING_ALLOWANCE) {
    throw new DomainError('DOCUMENT_TOO_LARGE', `A document may hold at most ${Math.floor(limits.maxBytes / 1048576)} MB.`);
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      // Browsers send file names as raw UTF-8 in filename="…".
      defParamCharset: 'utf8',
      limits: { files: limits.maxFiles, fileSize: limits.maxBytes + 1, fields: 4, fieldSize: 1024, parts: limits.maxFiles + 4, headerPairs: 20 },
    });
  } catch (error) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Unreadable multipart request: ${(error as Error).message}`);
  }

  const files: ReceivedFile[] = [];
  const stored: Array<Promise<void>> = [];
  const parts: Readable[] = [];
  let title: string | null = null;
  let emailCopy = false;
  let total = 0;
  let failure: Error | null = null;

  return new Promise((resolve, reject) => {
    let idle: NodeJS.Timeout | null = null;
    const settle = (error: Error | null) => {
      if (idle) clearTimeout(idle);
      request.off('data', touch);
      if (error) {
        failure ??= error;
        request.unpipe(parser);
        parser.removeAllListeners('file');
        // A part still flowing would wait forever for bytes that will not come (a client gone).
        for (const part of parts) part.destroy(failure);
        // Every write under way ends (each removes its partial object) before the caller cleans up.
        void Promise.allSettled(stored).then(() => reject(failure));
        return;
      }
      // Every write ends (a failed one removes its partial object) before the caller may clean up.
      void Promise.allSettled(stored).then((results) => {
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) reject(failure ?? failed.reason);
        else if (files.length > 1 && files.some((f) => f.mediaType === 'application/pdf')) {
          reject(new DomainError('DOCUMENT_TYPE_REFUSED', 'A PDF is sent alone; photographed pages are sent as images.'));
        } else resolve({ title, emailCopy, files });
      });
    };
    const touch = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => fail(new DomainError('UPLOAD_TIMEOUT', `Nothing received for ${Math.round(limits.idleMs / 1000)} s.`)), limits.idleMs);
    };
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      settle(error);
    };

    parser.on('field', (name, value, info) => {
      if (name === 'emailCopy') {
        if (value !== 'true' && value !== 'false') return fail(new DomainError('VALIDATION_FAILED', 'emailCopy must be true or false.', { emailCopy: ['INVALID_TYPE'] }));
        emailCopy = value === 'true';
        return;
      }
      if (name !== 'title') return fail(new DomainError('VALIDATION_FAILED', `Unknown field "${name}".`, { [name]: ['UNKNOWN_FIELD'] }));
      if (info.valueTruncated || value.length > TITLE_MAX) return fail(new DomainError('VALIDATION_FAILED', 'The title is too long.', { title: ['TOO_LONG'] }));
      title = cleanTitle(value) || null;
    });

    parser.on('file', (name, stream: Readable, info) => {
      if (name !== 'file') {
        stream.resume();
        return fail(new DomainError('VALIDATION_FAILED', `Files go in the "file" field, not "${name}".`, { [name]: ['UNKNOWN_FIELD'] }));
      }
      parts.push(stream);
      const position = files.length + 1;
      const objectKey = receivedKey(target.documentId, position);
      const hash = createHash('sha256');
      const file: ReceivedFile = { position, objectKey, originalName: cleanFileName(info.filename), mediaType: 'application/pdf', sizeBytes: 0, sha256: '' };
      files.push(file);
      const gate = typeGate(limits.accepted, (type) => (file.mediaType = type));
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback: TransformCallback) {
          total += chunk.length;
          file.sizeBytes += chunk.length;
          if (total > limits.maxBytes) {
            return callback(new DomainError('DOCUMENT_TOO_LARGE', `A document may hold at most ${Math.floor(limits.maxBytes / 1048576)} MB.`));
          }
          hash.update(chunk);
          callback(null, chunk);
        },
        flush(callback: TransformCallback) {
          file.sha256 = hash.digest('hex');
          callback();
        },
      });
      stream.once('limit', () => meter.destroy(new DomainError('DOCUMENT_TOO_LARGE', 'The document is too large.')));
      const sealed = new PassThrough();
      const flowing = pipeline(stream, gate, meter, encryptStream(target.dataKey, objectKey), sealed);
      const writing = target.storage.put(objectKey, sealed);
      const both = Promise.all([flowing, writing]).then(() => undefined);
      stored.push(both);
      both.catch((error: unknown) => {
        // The part's stream must be drained or busboy stalls; the request is refused anyway.
        stream.resume();
        fail(error instanceof Error ? error : new Error(String(error)));
      });
    });

    parser.on('filesLimit', () => fail(new DomainError('DOCUMENT_TOO_MANY_PAGES', `At most ${limits.maxFiles} pages per document.`)));
    parser.on('partsLimit', () => fail(new DomainError('DOCUMENT_TOO_MANY_PAGES', `At most ${limits.maxFiles} pages per document.`)));
    parser.on('fieldsLimit', () => fail(new DomainError('VALIDATION_FAILED', 'Too many fields.')));
    parser.on('error', (error: Error) =>
      fail(
        /unexpected end/i.test(error.message)
          ? new DomainError('UPLOAD_INCOMPLETE', 'The upload stopped before its end.')
          : new DomainError('UNSUPPORTED_MEDIA_TYPE', `Unreadable multipart request: ${error.message}`),
      ),
    );
    parser.on('close', () => {
      if (settled) return;
      if (files.length === 0) return fail(new DomainError('VALIDATION_FAILED', 'No file was sent.', { file: ['REQUIRED'] }));
      settled = true;
      settle(null);
    });
    request.on('aborted', () => fail(new DomainError('UPLOAD_INCOMPLETE', 'The upload stopped before its end.')));
    request.on('error', () => fail(new DomainError('UPLOAD_INCOMPLETE', 'The upload stopped before its end.')));
    request.on('data', touch);
    touch();
    request.pipe(parser);
  });
}
