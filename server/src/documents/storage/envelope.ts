import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/**
 * Envelope encryption of documents at rest. Each document has its own random data key; the data
 * key is stored wrapped (AES-256-GCM) by a master key that never leaves the configuration. Rotating
 * the master key rewraps the data keys only: the files are not touched.
 *
 * NOTE: files are sealed in segments (the STREAM construction: AES-256-GCM per 64 KiB segment, the
 * nonce a random prefix, the segment counter and a last-segment flag), so that a download is
 * authenticated as it streams (a tampered or truncated file fails at the segment where it was
 * changed, not after the whole of it was served) and neither side ever holds a whole file.
 */

const MAGIC = Buffer.from('VMD1');
const PREFIX_BYTES = 7;
const TAG_BYTES = 16;
export const SEGMENT_BYTES = 64 * 1024;
const HEADER_BYTES = MAGIC.length + PREFIX_BYTES;
const KEY_BYTES = 32;

export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface WrappedKey {
  keyId: string;
  wrapped: Buffer;
}

/** A new data key and its wrapped form, bound to the document it protects. */
export function newDataKey(master: MasterKey, documentId: string): { dataKey: Buffer; wrapped: WrappedKey } {
  const dataKey = randomBytes(KEY_BYTES);
  return { dataKey, wrapped: wrapDataKey(master, dataKey, documentId) };
}

export function wrapDataKey(master: MasterKey, dataKey: Buffer, documentId: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv);
  cipher.setAAD(Buffer.from(documentId));
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { keyId: master.id, wrapped: Buffer.concat([iv, sealed, cipher.getAuthTag()]) };
}

/** Throws when the key id is unknown or the wrapped key was altered (or belongs to another document). */
export function unwrapDataKey(masters: readonly MasterKey[], wrapped: WrappedKey, documentId: string): Buffer {
  const master = masters.find((m) => m.id === wrapped.keyId);
  if (!master) throw new Error(`master key "${wrapped.keyId}" is not configured (DOCUMENTS_MASTER_KEYS)`);
  const iv = wrapped.wrapped.subarray(0, 12);
  const tag = wrapped.wrapped.subarray(wrapped.wrapped.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', master.key, iv);
  decipher.setAAD(Buffer.from(documentId));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(wrapped.wrapped.subarray(12, wrapped.wrapped.length - TAG_BYTES)), decipher.final()]);
}

function segmentNonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(counter, PREFIX_BYTES);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Plaintext in, sealed segments out. `label` (the object's name) is authenticated with each segment. */
export function encryptStream(dataKey: Buffer, label: string): Transform {
  const prefix = randomBytes(PREFIX_BYTES);
  const aad = Buffer.from(label);
  let pending: Buffer = Buffer.alloc(0);
  let counter = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', dataKey, segmentNonce(prefix, counter++, last));
    cipher.setAAD(aad);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  return new Transform({
    construct(callback) {
      this.push(Buffer.concat([MAGIC, prefix]));
      callback();
    },
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      // A segment goes out only once more data follows it: the last one is flagged as such.
      while (pending.length > SEGMENT_BYTES) {
        this.push(seal(pending.subarray(0, SEGMENT_BYTES), false));
        pending = pending.subarray(SEGMENT_BYTES);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      callback(null, seal(pending, true));
    },
  });
}

/** Sealed segments in, plaintext out; fails on any altered, reordered, missing or added segment. */
export function decryptStream(dataKey: Buffer, label: string): Transform {
  const aad = Buffer.from(label);
  let prefix: Buffer | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let counter = 0;
  const open = (sealed: Buffer, last: boolean): Buffer => {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, segmentNonce(prefix!, counter++, last));
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  };
  const sealedSegment = SEGMENT_BYTES + TAG_BYTES;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        if (!prefix) {
          if (pending.length < HEADER_BYTES) return callback();
          if (!pending.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an encrypted document');
          prefix = Buffer.from(pending.subarray(MAGIC.length, HEADER_BYTES));
          pending = pending.subarray(HEADER_BYTES);
        }
        while (pending.length > sealedSegment) {
          this.push(open(pending.subarray(0, sealedSegment), false));
          pending = pending.subarray(sealedSegment);
        }
        callback();
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!prefix || pending.length < TAG_BYTES) throw new Error('encrypted document truncated');
        callback(null, open(pending, true));
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
}
