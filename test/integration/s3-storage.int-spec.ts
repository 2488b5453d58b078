import { Logger } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createConnection, createServer, Server, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { S3DocumentStorage, S3RequestError, S3StorageOptions } from '../../server/src/documents/storage/s3-storage';
import { externalServer, s3, S3Server, startS3rver } from '../support/s3-server';

const MiB = 1024 * 1024;
const PART_SIZE = 8 * MiB;

/** Random bytes made on demand, hashed as they go: the whole body never exists at once. */
class RandomSource extends Readable {
  produced = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly size: number,
    private readonly onRead: (produced: number) => void = () => undefined,
    private readonly failAt = Number.POSITIVE_INFINITY,
  ) {
    super();
  }

  override _read(): void {
    this.onRead(this.produced);
    if (this.produced >= this.failAt) return void this.destroy(new Error('the sender went away'));
    if (this.produced >= this.size) return void this.push(null);
    const chunk = randomBytes(Math.min(100_000, this.size - this.produced));
    this.produced += chunk.length;
    this.hash.update(chunk);
    this.push(chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

async function sha256Of(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** A TCP relay that counts the bytes sent to the server, to see how far an upload has gone. */
async function countingRelay(target: URL): Promise<{ endpoint: string; sent(): number; close(): Promise<void> }> {
  let sent = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (data: Buffer) => (sent += data.length));
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    sent: () => sent,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('S3DocumentStorage against a real S3-compatible server', () => {
  let server: S3Server;
  let external: boolean;
  let options: S3StorageOptions;
  let storage: S3DocumentStorage;
  const made: S3DocumentStorage[] = [];

  const storageWith = (overrides: Partial<S3StorageOptions>) => {
    const instance = new S3DocumentStorage({ ...options, ...overrides });
    made.push(instance);
    return instance;
  };
  const key = (documentId: string, name: string) => `${documentId}/${name}`;

  /** Multipart uploads still open for a key, or null when the server cannot say. */
  const pendingUploads = async (objectKey: string): Promise<string[] | null> => {
    const { status, text } = await s3(server, 'GET', `/${options.bucket}`, { uploads: '', prefix: objectKey });
    if (status === 501) return null;
    expect(status).toBe(200);
    return [...text.matchAll(/<UploadId>([^<]+)<\/UploadId>/g)].map((match) => match[1]!);
  };

  beforeAll(async () => {
    const given = externalServer();
    external = given !== null;
    server = given ?? (await startS3rver());
    const bucket = `visio-test-${randomBytes(4).toString('hex')}`;
    const created = await s3(server, 'PUT', `/${bucket}`);
    expect(created).toMatchObject({ status: 200 });
    options = { endpoint: server.endpoint, bucket, region: server.region, accessKey: server.accessKey, secretKey: server.secretKey };
    storage = storageWith({});
  });

  afterAll(async () => {
    if (external && options) {
      for (const objectKey of await storage.listKeys('')) await storage.delete(objectKey);
      await s3(server, 'DELETE', `/${options.bucket}`);
    }
    for (const instance of made) instance.close();
    await server?.stop();
  });

  it('finds its bucket at start', async () => {
    await expect(storage.checkBucket()).resolves.toBeUndefined();
  });

  it('stores and reads back 20 MB of random bytes as a multipart upload, one part in memory at a time', async () => {
    const relay = await countingRelay(new URL(server.endpoint));
    try {
      const relayed = storageWith({ endpoint: relay.endpoint });
      let furthestAhead = 0;
      // What the storage has pulled from the body minus what has reached the server.
      const source = new RandomSource(20 * MiB, (produced) => (furthestAhead = Math.max(furthestAhead, produced - relay.sent())));
      const objectKey = key(randomUUID(), 'r1');

      await relayed.put(objectKey, source);

      expect(source.produced).toBe(20 * MiB);
      expect(relay.sent()).toBeGreaterThan(20 * MiB);
      expect(furthestAhead).toBeLessThanOrEqual(PART_SIZE + MiB);
      const read = await sha256Of(await relayed.get(objectKey));
      expect(read).toEqual({ sha256: source.sha256(), bytes: 20 * MiB });
      const pending = await pendingUploads(objectKey);
      if (pending !== null) expect(pending).toEqual([]);
    } finally {
      await relay.close();
    }
  });

  it.each([
    ['an empty body', 0],
    ['a small document in one PutObject', 30_000],
    ['exactly one part', PART_SIZE],
    ['one part and one byte', PART_SIZE + 1],
  ])('round-trips %s', async (_what, size) => {
    const source = new RandomSource(size);
    const objectKey = key(randomUUID(), 'c1');
    await storage.put(objectKey, source);
    expect(await sha256Of(await storage.get(objectKey))).toEqual({ sha256: source.sha256(), bytes: size });
  });

  it('rejects the read of a missing object with the operation, the status and the S3 code', async () => {
    const objectKey = key(randomUUID(), 'r9');
    const error = await storage.get(objectKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3RequestError);
    expect(error).toMatchObject({ operation: 'GetObject', status: 404, code: 'NoSuchKey' });
    expect((error as Error).message).toMatch(new RegExp(`^S3 GetObject of "${objectKey}" failed: HTTP 404 NoSuchKey`));
  });

  it('deletes an object, and deleting it again is not an error', async () => {
    const objectKey = key(randomUUID(), 'pdf');
    await storage.put(objectKey, Readable.from([Buffer.from('sealed')]));
    await storage.delete(objectKey);
    await storage.delete(objectKey);
    await expect(storage.get(objectKey)).rejects.toMatchObject({ status: 404 });
  });

  it('deletes every object of a document, across list pages, and nothing else', async () => {
    const paged = storageWith({ listPageSize: 2 });
    const doomed = randomUUID();
    const kept = randomUUID();
    const names = ['pdf', 'r1', 'r2', 'r3', 'c1', 'c2', 'c3'];
    for (const name of names) await paged.put(key(doomed, name), Readable.from([randomBytes(100)]));
    await paged.put(key(kept, 'r1'), Readable.from([randomBytes(100)]));
    expect((await paged.listKeys(`${doomed}/`)).sort()).toEqual(names.map((name) => key(doomed, name)).sort());

    await paged.deleteDocument(doomed);

    expect(await paged.listKeys(`${doomed}/`)).toEqual([]);
    expect(await paged.listKeys(`${kept}/`)).toEqual([key(kept, 'r1')]);
    await expect(paged.deleteDocument(doomed)).resolves.toBeUndefined();
  });

  it.each([
    ['before the first part is full (no multipart upload yet)', MiB],
    ['after the first part was sent (a multipart upload is open)', PART_SIZE + 3 * MiB],
  ])('leaves no object when the body fails %s', async (_what, failAt) => {
    const documentId = randomUUID();
    const objectKey = key(documentId, 'r1');
    const source = new RandomSource(20 * MiB, undefined, failAt);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    try {
      await expect(storage.put(objectKey, source)).rejects.toThrow('the sender went away');

      expect(source.destroyed).toBe(true);
      expect(await storage.listKeys(`${documentId}/`)).toEqual([]);
      await expect(storage.get(objectKey)).rejects.toMatchObject({ status: 404 });
      const pending = await pendingUploads(objectKey);
      if (pending !== null) {
        expect(pending).toEqual([]);
        expect(warn).not.toHaveBeenCalled();
      } else if (failAt > PART_SIZE) {
        // s3rver has neither ListMultipartUploads nor AbortMultipartUpload: the storage says what it left.
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unfinished upload .* AbortMultipartUpload .* HTTP 405/));
      }
    } finally {
      warn.mockRestore();
    }
  });

  it('says clearly that the credentials are wrong, without the secret', async () => {
    const wrongSecret = `wrong-${randomBytes(12).toString('hex')}`;
    const wrong = storageWith({ secretKey: wrongSecret });
    const objectKey = key(randomUUID(), 'r1');
    // Longer than a part, so that the refusal comes while the body still flows.
    const body = new RandomSource(PART_SIZE + MiB);

    const failures = [
      await wrong.put(objectKey, body).catch((e: unknown) => e),
      await wrong.get(objectKey).catch((e: unknown) => e),
      await wrong.checkBucket().catch((e: unknown) => e),
    ];

    expect(failures[0]).toMatchObject({ operation: 'CreateMultipartUpload', status: 403, code: 'SignatureDoesNotMatch' });
    expect((failures[0] as Error).message).toMatch(/^S3 CreateMultipartUpload of ".+" failed: HTTP 403 SignatureDoesNotMatch/);
    // The writer upstream learns why its stream was cut.
    expect(body.errored).toBe(failures[0]);
    expect(failures[1]).toMatchObject({ operation: 'GetObject', status: 403, code: 'SignatureDoesNotMatch' });
    expect((failures[2] as Error).message).toMatch(/is not usable: .*HTTP 403 SignatureDoesNotMatch.*Check S3_ACCESS_KEY and S3_SECRET_KEY/);
    for (const failure of failures) {
      expect((failure as Error).message).not.toContain(wrongSecret);
      expect((failure as Error).message).not.toContain(server.secretKey);
    }
    expect(await storage.listKeys(`${objectKey.split('/')[0]}/`)).toEqual([]);
  });

  it('says which setting to check when the bucket or the server is not there', async () => {
    await expect(storageWith({ bucket: `visio-missing-${randomBytes(4).toString('hex')}` }).checkBucket()).rejects.toThrow(
      /is not usable: .*HTTP 404 NoSuchBucket.*Create the bucket, or check S3_BUCKET/,
    );
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    await expect(storageWith({ endpoint: `http://127.0.0.1:${port}` }).checkBucket()).rejects.toThrow(
      /is not usable: S3 HeadBucket of bucket ".+" failed on the connection to http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED.*Check S3_ENDPOINT/,
    );
  });
});
