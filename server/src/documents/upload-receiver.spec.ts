import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { ClientRequest, createServer, OutgoingHttpHeaders, request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../common/errors/domain.error';
import { decryptStream } from './storage/envelope';
import { assertObjectKey, DocumentStorage } from './storage/document-storage';
import { receiveUpload, UploadLimits } from './upload-receiver';

const DOCUMENT_ID = '6f1c2a9e-4b7d-4e21-9c3a-1d2e3f4a5b6c';
const MB = 1024 * 1024;
const LIMITS: UploadLimits = { maxBytes: MB, maxFiles: 4, idleMs: 5_000, accepted: ['image/jpeg', 'image/png', 'application/pdf'] };

type Received = Awaited<ReturnType<typeof receiveUpload>>;
/** How `receiveUpload` ended for one request, and how long it took. */
type Outcome = ({ received: Received } | { error: unknown }) & { ms: number };

// ---------------------------------------------------------------------------------------------
// Files and multipart bodies

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(size - 15)]);
const windowsProgram = (size: number) => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(size - 8)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Part = { field: string; value: string } | { field: string; filename: string; type: string; bytes: Buffer };
const file = (name: string, type: string, bytes: Buffer, field = 'file'): Part => ({ field, filename: name, type, bytes });
const field = (name: string, value: string): Part => ({ field: name, value });

const BOUNDARY = '----VisioMsapBoundary7MA4YWxkTrZu0gW';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart/form-data body as a browser sends it (names in raw UTF-8). */
function multipart(parts: readonly Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.field}"${'filename' in part ? `; filename="${part.filename}"` : ''}`;
    const type = 'filename' in part ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push('filename' in part ? part.bytes : Buffer.from(part.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// Fakes

/** Objects in memory, whole or absent as the real storages promise; can be told to fail or to be slow. */
class MemoryStorage implements DocumentStorage {
  readonly kind = 'local' as const;
  readonly committed = new Map<string, Buffer>();
  /** Every key a write was started for, in order. */
  readonly started: string[] = [];
  /** Writes under way. */
  writing = 0;
  /** Keys whose write fails once its body has been read. */
  readonly failing = new Set<string>();
  /** Milliseconds a write of this key waits, once its body has been read, before it ends. */
  readonly slow = new Map<string, number>();

  async put(key: string, body: Readable): Promise<void> {
    assertObjectKey(key);
    this.started.push(key);
    this.writing++;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      const delay = this.slow.get(key);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.failing.has(key)) throw new Error('disk full');
      this.committed.set(key, Buffer.concat(chunks));
    } finally {
      this.writing--;
    }
  }

  async get(key: string): Promise<Readable> {
    const bytes = this.committed.get(key);
    if (!bytes) throw new Error(`no object ${key}`);
    return Readable.from([bytes]);
  }

  async delete(key: string): Promise<void> {
    this.committed.delete(key);
  }

  async deleteDocument(documentId: string): Promise<void> {
    for (const key of [...this.committed.keys()]) if (key.startsWith(`${documentId}/`)) this.committed.delete(key);
  }
}

/** A real HTTP server handing each request to `receiveUpload`, and a client to send to it. */
class UploadServer {
  private readonly waiting: Array<(outcome: Promise<Outcome>) => void> = [];
  private readonly clients: ClientRequest[] = [];

  private constructor(private readonly server: Server) {}

  static async start(receive: (request: Parameters<typeof receiveUpload>[0]) => Promise<Received>): Promise<UploadServer> {
    const server = createServer();
    const sut = new UploadServer(server);
    server.on('request', (request, response) => {
      const started = Date.now();
      const outcome = receive(request).then(
        (received): Outcome => ({ received, ms: Date.now() - started }),
        (error: unknown): Outcome => ({ error, ms: Date.now() - started }),
      );
      sut.waiting.shift()?.(outcome);
      response.on('error', () => undefined);
      void outcome.then((o) => response.writeHead('received' in o ? 201 : 400, { connection: 'close' }).end());
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return sut;
  }

  /** Starts a POST; the test writes its body. Resolves with how `receiveUpload` ended. */
  post(headers: OutgoingHttpHeaders): { client: ClientRequest; outcome: Promise<Outcome> } {
    const outcome = new Promise<Promise<Outcome>>((resolve) => this.waiting.push(resolve)).then((o) => o);
    const { port } = this.server.address() as AddressInfo;
    const client = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/documents', headers, agent: false });
    // The server may answer and close before the body is all sent: that is the point of several tests.
    client.on('error', () => undefined);
    client.on('response', (response) => response.resume());
    this.clients.push(client);
    return { client, outcome };
  }

  /** Sends a whole multipart body at once. */
  upload(parts: readonly Part[], headers: OutgoingHttpHeaders = {}): Promise<Outcome> {
    const body = multipart(parts);
    const { client, outcome } = this.post({ 'content-type': MULTIPART, 'content-length': body.length, ...headers });
    client.end(body);
    return outcome;
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function receivedOf(outcome: Outcome): Received {
  if ('error' in outcome) throw new Error(`expected the upload to be received, it was refused: ${String(outcome.error)}`);
  return outcome.received;
}

function refusalOf(outcome: Outcome): DomainError {
  if ('received' in outcome) throw new Error(`expected a refusal, the upload was received: ${JSON.stringify(outcome.received)}`);
  if (!(outcome.error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(outcome.error)}`);
  return outcome.error;
}

async function decrypt(sealed: Buffer, dataKey: Buffer, label: string): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from([sealed]), decryptStream(dataKey, label), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return Buffer.concat(out);
}

/** Fails the test instead of letting it hang until jest's own timeout. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('receiveUpload', () => {
  let storage: MemoryStorage;
  let dataKey: Buffer;
  let limits: UploadLimits;
  let sut: UploadServer;

  beforeEach(async () => {
    storage = new MemoryStorage();
    dataKey = randomBytes(32);
    limits = { ...LIMITS };
    sut = await UploadServer.start((request) => receiveUpload(request, { documentId: DOCUMENT_ID, dataKey, storage }, limits));
  });

  afterEach(() => sut.stop());

  describe('receives', () => {
    it('one PDF, typed from its bytes, measured and hashed', async () => {
      const bytes = pdf(300_000);

      const received = receivedOf(await sut.upload([file('Avis d’impôt 2025.pdf', 'application/pdf', bytes)]));

      expect(received).toEqual({
        title: null,
        emailCopy: false,
        files: [
          {
            position: 1,
            objectKey: `${DOCUMENT_ID}/r1`,
            originalName: 'Avis d’impôt 2025.pdf',
            mediaType: 'application/pdf',
            sizeBytes: 300_000,
            sha256: sha256(bytes),
          },
        ],
      });
      expect([...storage.committed.keys()]).toEqual([`${DOCUMENT_ID}/r1`]);
    });

    it('three photographed pages, in order, whatever their declared types', async () => {
      const pages = [jpeg(200_000), png(10), jpeg(65_536)];

      const received = receivedOf(
        await sut.upload([
          file('IMG_0001.JPG', 'image/jpeg', pages[0]!),
          file('capture.png', 'application/octet-stream', pages[1]!),
          file('IMG_0002.heic', 'image/heic', pages[2]!),
        ]),
      );

      expect(received.files.map((f) => [f.position, f.objectKey, f.originalName, f.mediaType, f.sizeBytes, f.sha256])).toEqual([
        [1, `${DOCUMENT_ID}/r1`, 'IMG_0001.JPG', 'image/jpeg', 200_000, sha256(pages[0]!)],
        [2, `${DOCUMENT_ID}/r2`, 'capture.png', 'image/png', 10, sha256(pages[1]!)],
        [3, `${DOCUMENT_ID}/r3`, 'IMG_0002.heic', 'image/jpeg', 65_536, sha256(pages[2]!)],
      ]);
    });

    it('a file of exactly the maximum size', async () => {
      const received = receivedOf(await sut.upload([file('scan.pdf', 'application/pdf', pdf(MB))]));
      expect(received.files[0]!.sizeBytes).toBe(MB);
    });

    it('a cleaned file name (no path, no bidirectional override)', async () => {
      const received = receivedOf(await sut.upload([file('C:\\Users\\jeanne\\facture\u202efdp.exe', 'application/pdf', pdf(100))]));
      expect(received.files[0]!.originalName).toBe('facturefdp.exe');
    });

    it('a title, cleaned', async () => {
      const received = receivedOf(await sut.upload([field('title', '  Avis\u202e d’impôt\u0000 '), file('scan.pdf', 'application/pdf', pdf(100))]));
      expect(received.title).toBe('Avis d’impôt');
    });

    it('an empty title as no title', async () => {
      const received = receivedOf(await sut.upload([field('title', '   '), file('scan.pdf', 'application/pdf', pdf(100))]));
      expect(received.title).toBeNull();
    });

    it('a title with a slash whole (a title is not a path)', async () => {
      const received = receivedOf(await sut.upload([field('title', 'Relevé de situation 03/2026'), file('scan.pdf', 'application/pdf', pdf(100))]));
      expect(received.title).toBe('Relevé de situation 03/2026');
    });
  });

  describe('stores', () => {
    it('each file encrypted under its own object name, never in clear', async () => {
      const pages = [jpeg(150_000), png(70_000)];

      receivedOf(await sut.upload([file('1.jpg', 'image/jpeg', pages[0]!), file('2.png', 'image/png', pages[1]!)]));

      for (const [i, plain] of pages.entries()) {
        const key = `${DOCUMENT_ID}/r${i + 1}`;
        const sealed = storage.committed.get(key)!;
        expect(sealed.equals(plain)).toBe(false);
        expect(sealed.includes(plain.subarray(0, 64))).toBe(false);
        expect((await decrypt(sealed, dataKey, key)).equals(plain)).toBe(true);
      }
      // Bound to its name: one object cannot be served as another.
      await expect(decrypt(storage.committed.get(`${DOCUMENT_ID}/r1`)!, dataKey, `${DOCUMENT_ID}/r2`)).rejects.toThrow();
    });

    it('fails with the storage when a write fails, once every write has ended', async () => {
      storage.failing.add(`${DOCUMENT_ID}/r1`);

      const outcome = await sut.upload([file('1.jpg', 'image/jpeg', jpeg(100_000)), file('2.jpg', 'image/jpeg', jpeg(100_000))]);

      expect('error' in outcome && outcome.error).toEqual(new Error('disk full'));
      expect(storage.writing).toBe(0);
    });

    it('leaves nothing behind the caller’s clean-up when a write fails after the request was read', async () => {
      // The first write fails late, once the whole request has been parsed; the second is slower still.
      storage.failing.add(`${DOCUMENT_ID}/r1`);
      storage.slow.set(`${DOCUMENT_ID}/r1`, 100);
      storage.slow.set(`${DOCUMENT_ID}/r2`, 400);

      const outcome = await sut.upload([file('1.jpg', 'image/jpeg', jpeg(1_000)), file('2.jpg', 'image/jpeg', jpeg(1_000))]);
      const writingWhenRefused = storage.writing;
      await storage.deleteDocument(DOCUMENT_ID); // what DocumentsService does on a refusal
      await until(() => storage.writing === 0);

      expect('error' in outcome).toBe(true);
      expect([...storage.committed.keys()]).toEqual([]); // the second page, written after the clean-up, stays forever
      expect(writingWhenRefused).toBe(0);
    });
  });

  describe('refuses', () => {
    it.each([
      ['a Windows program named as a PDF', file('facture.pdf', 'application/pdf', windowsProgram(5_000)), /windows-executable/],
      ['a GIF named as a JPEG', file('photo.jpg', 'image/jpeg', Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1')), /gif/],
      ['a PDF whose header is not at its start', file('scan.pdf', 'application/pdf', Buffer.concat([Buffer.from('PK\x03\x04'), pdf(500)])), /zip-archive/],
      ['an empty file', file('vide.pdf', 'application/pdf', Buffer.alloc(0)), /empty-or-tiny/],
    ])('%s (DOCUMENT_TYPE_REFUSED), and keeps nothing of it', async (_what, part, kind) => {
      const error = refusalOf(await sut.upload([part]));

      expect(error.code).toBe('DOCUMENT_TYPE_REFUSED');
      expect(error.message).toMatch(kind);
      expect(storage.committed.size).toBe(0);
      expect(storage.writing).toBe(0);
    });

    it('a type this side may not send', async () => {
      limits.accepted = ['application/pdf'];
      const error = refusalOf(await sut.upload([file('photo.jpg', 'image/jpeg', jpeg(1_000))]));
      expect(error.code).toBe('DOCUMENT_TYPE_REFUSED');
      expect(error.message).toContain('image/jpeg');
    });

    it('a program among photographed pages', async () => {
      const error = refusalOf(
        await sut.upload([file('1.jpg', 'image/jpeg', jpeg(1_000)), file('2.jpg', 'image/jpeg', windowsProgram(1_000)), file('3.jpg', 'image/jpeg', jpeg(1_000))]),
      );
      expect(error.code).toBe('DOCUMENT_TYPE_REFUSED');
    });

    it.each([
      ['a PDF then an image', [file('a.pdf', 'application/pdf', pdf(1_000)), file('b.jpg', 'image/jpeg', jpeg(1_000))]],
      ['an image then a PDF', [file('b.jpg', 'image/jpeg', jpeg(1_000)), file('a.pdf', 'application/pdf', pdf(1_000))]],
      ['two PDFs', [file('a.pdf', 'application/pdf', pdf(1_000)), file('b.pdf', 'application/pdf', pdf(1_000))]],
    ])('%s: a PDF comes alone (DOCUMENT_TYPE_REFUSED)', async (_what, parts) => {
      const error = refusalOf(await sut.upload(parts));
      expect(error.code).toBe('DOCUMENT_TYPE_REFUSED');
      expect(error.message).toMatch(/PDF is sent alone/);
    });

    it('a file over the maximum size (DOCUMENT_TOO_LARGE), and keeps nothing of it', async () => {
      const error = refusalOf(await sut.upload([file('scan.pdf', 'application/pdf', pdf(MB + 1))]));

      expect(error.code).toBe('DOCUMENT_TOO_LARGE');
      expect(storage.committed.size).toBe(0);
      expect(storage.writing).toBe(0);
    });

    it('pages that together go over the maximum size, sent without a length', async () => {
      const body = multipart([file('1.jpg', 'image/jpeg', jpeg(600_000)), file('2.jpg', 'image/jpeg', jpeg(600_000))]);
      const { client, outcome } = sut.post({ 'content-type': MULTIPART, 'transfer-encoding': 'chunked' });
      for (let at = 0; at < body.length; at += 50_000) client.write(body.subarray(at, at + 50_000));
      client.end();

      const error = refusalOf(await outcome);

      expect(error.code).toBe('DOCUMENT_TOO_LARGE');
      expect(storage.committed.has(`${DOCUMENT_ID}/r2`)).toBe(false);
      expect(storage.writing).toBe(0);
    });

    it('a declared length over the maximum before reading a byte of the body', async () => {
      const { client, outcome } = sut.post({ 'content-type': MULTIPART, 'content-length': MB + 64 * 1024 + 1 });
      client.flushHeaders(); // and not one byte of the body

      const error = refusalOf(await within(2_000, outcome));

      expect(error.code).toBe('DOCUMENT_TOO_LARGE');
      expect(storage.started).toEqual([]);
    });

    it('more files than pages allowed (DOCUMENT_TOO_MANY_PAGES)', async () => {
      const pages = Array.from({ length: LIMITS.maxFiles + 1 }, (_, i) => file(`${i + 1}.jpg`, 'image/jpeg', jpeg(1_000)));

      const error = refusalOf(await sut.upload(pages));

      expect(error.code).toBe('DOCUMENT_TOO_MANY_PAGES');
      expect(storage.started).toHaveLength(LIMITS.maxFiles);
      expect(storage.writing).toBe(0);
    });

    it('as many files as pages allowed is fine', async () => {
      const pages = Array.from({ length: LIMITS.maxFiles }, (_, i) => file(`${i + 1}.jpg`, 'image/jpeg', jpeg(1_000)));
      expect(receivedOf(await sut.upload(pages)).files).toHaveLength(LIMITS.maxFiles);
    });

    it('a request without a file (VALIDATION_FAILED, file REQUIRED)', async () => {
      const error = refusalOf(await sut.upload([field('title', 'Carte vitale')]));

      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toEqual({ file: ['REQUIRED'] });
    });

    it.each([
      ['a field', field('comment', 'bonjour'), { comment: ['UNKNOWN_FIELD'] }],
      ['a file in another field', file('scan.pdf', 'application/pdf', pdf(1_000), 'document'), { document: ['UNKNOWN_FIELD'] }],
    ])('an unknown field: %s (VALIDATION_FAILED)', async (_what, part, fields) => {
      const error = refusalOf(await sut.upload([part, file('scan.pdf', 'application/pdf', pdf(1_000))]));

      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toEqual(fields);
    });

    it('a title over 200 characters', async () => {
      const error = refusalOf(await sut.upload([field('title', 'x'.repeat(201)), file('scan.pdf', 'application/pdf', pdf(1_000))]));

      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toEqual({ title: ['TOO_LONG'] });
    });

    it.each([
      ['JSON', 'application/json'],
      ['a bare PDF', 'application/pdf'],
      ['an URL-encoded form', 'application/x-www-form-urlencoded'],
      ['multipart without a boundary', 'multipart/form-data; charset=utf-8'],
      ['multipart without any parameter', 'multipart/form-data'],
    ])('a request that is not multipart/form-data: %s (UNSUPPORTED_MEDIA_TYPE)', async (_what, contentType) => {
      const { client, outcome } = sut.post({ 'content-type': contentType });
      client.end(pdf(100));

      expect(refusalOf(await outcome).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(storage.started).toEqual([]);
    });

    it('a request without a content type (UNSUPPORTED_MEDIA_TYPE)', async () => {
      const { client, outcome } = sut.post({});
      client.end(pdf(100));
      expect(refusalOf(await outcome).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('stops', () => {
    it('a request aborted halfway (UPLOAD_INCOMPLETE), and settles', async () => {
      const body = multipart([file('scan.pdf', 'application/pdf', pdf(800_000))]);
      const { client, outcome } = sut.post({ 'content-type': MULTIPART, 'content-length': body.length });
      client.write(body.subarray(0, body.length / 2));
      await until(() => storage.started.length === 1);

      client.destroy();
      const error = refusalOf(await within(3_000, outcome));

      expect(error.code).toBe('UPLOAD_INCOMPLETE');
      expect(storage.writing).toBe(0);
      expect(storage.committed.size).toBe(0);
    });

    it('a body that ends before its closing boundary (UPLOAD_INCOMPLETE)', async () => {
      const body = multipart([file('1.jpg', 'image/jpeg', jpeg(100_000))]);
      const { client, outcome } = sut.post({ 'content-type': MULTIPART, 'transfer-encoding': 'chunked' });
      client.end(body.subarray(0, 60_000));

      const error = refusalOf(await within(3_000, outcome));

      expect(error.code).toBe('UPLOAD_INCOMPLETE');
      expect(storage.committed.size).toBe(0);
    });

    it('a request that falls silent (UPLOAD_TIMEOUT after idleMs)', async () => {
      limits.idleMs = 200;
      const body = multipart([file('scan.pdf', 'application/pdf', pdf(100_000))]);
      const { client, outcome } = sut.post({ 'content-type': MULTIPART, 'content-length': body.length });
      client.write(body.subarray(0, 30_000)); // then nothing

      const result = await within(3_000, outcome);

      expect(refusalOf(result).code).toBe('UPLOAD_TIMEOUT');
      expect(result.ms).toBeGreaterThanOrEqual(190);
      expect(result.ms).toBeLessThan(1_500);
      expect(storage.writing).toBe(0);
      expect(storage.committed.size).toBe(0);
    });

    it('not a request that keeps sending, however long it takes in all', async () => {
      limits.idleMs = 200;
      const bytes = pdf(100_000);
      const body = multipart([file('scan.pdf', 'application/pdf', bytes)]);
      const { client, outcome } = sut.post({ 'content-type': MULTIPART, 'content-length': body.length });
      for (let at = 0; at < body.length; at += 20_000) {
        client.write(body.subarray(at, at + 20_000));
        await sleep(100);
      }
      client.end();

      const result = await outcome;

      expect(receivedOf(result).files[0]!.sha256).toBe(sha256(bytes));
      expect(result.ms).toBeGreaterThan(400);
    });
  });
});
