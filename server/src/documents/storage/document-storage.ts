import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Object names are made by the server alone: `<document id>/<n>` (never from a file's name). */
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[a-z0-9-]{1,24}$/;

export function assertObjectKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid document object key: ${key}`);
}

/**
 * Where encrypted document files live: one small interface, a local directory by default, an
 * S3-compatible bucket as an option. Objects are whole or absent: a write that fails leaves nothing.
 */
export interface DocumentStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Readable): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Removes one object; an object already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object of a document. */
  deleteDocument(documentId: string): Promise<void>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

/** Files under DATA_DIR/documents/<document id>/, written under a temporary name then renamed. */
export class LocalDocumentStorage implements DocumentStorage {
  readonly kind = 'local' as const;

  constructor(private readonly dir: string) {}

  async put(key: string, body: Readable): Promise<void> {
    assertObjectKey(key);
    const target = join(this.dir, key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await pipeline(body, createWriteStream(partial, { mode: 0o600, flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    assertObjectKey(key);
    const stream = createReadStream(join(this.dir, key));
    // Opening errors (a missing file) reject here rather than later in the response.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return stream;
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    await unlink(join(this.dir, key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rmdir(dirname(join(this.dir, key))).catch(() => undefined);
  }

  async deleteDocument(documentId: string): Promise<void> {
    assertObjectKey(`${documentId}/x`);
    await rm(join(this.dir, documentId), { recursive: true, force: true });
  }

  /** Document folders present on disk (for tests and the orphan sweep). */
  async documentIds(): Promise<string[]> {
    return readdir(this.dir).catch(() => []);
  }
}
