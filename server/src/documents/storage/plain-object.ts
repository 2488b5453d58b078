import { Readable, pipeline } from 'node:stream';
import { decryptStream } from './envelope';
import { DocumentStorage } from './document-storage';

/**
 * An object of the store, decrypted as it is read. NOTE: joined with pipeline, not pipe: a reader
 * that goes away (a download cancelled, a tampered segment) closes the file or the S3 response too.
 */
export async function openPlain(storage: DocumentStorage, objectKey: string, dataKey: Buffer): Promise<Readable> {
  const sealed = await storage.get(objectKey);
  const plain = decryptStream(dataKey, objectKey);
  return pipeline(sealed, plain, () => undefined);
}

/** A whole stream in memory, refused past `maxBytes` (for the few files that must be whole: a PDF to parse). */
export async function readAll(stream: Readable, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      stream.destroy();
      throw new RangeError(`larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
