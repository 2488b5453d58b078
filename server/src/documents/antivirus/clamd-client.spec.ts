import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { AntivirusUnavailableError, ClamdClient, describeClamdTarget, MAX_CHUNK_BYTES, parseClamdUrl, type ClamdTarget } from './clamd-client';

describe('parseClamdUrl', () => {
  it.each<[string, ClamdTarget]>([
    ['tcp://127.0.0.1:3310', { kind: 'tcp', host: '127.0.0.1', port: 3310 }],
    ['tcp://clamav.internal:3310', { kind: 'tcp', host: 'clamav.internal', port: 3310 }],
    ['tcp://[::1]:3310', { kind: 'tcp', host: '::1', port: 3310 }],
    ['unix:///run/clamav/clamd.ctl', { kind: 'unix', path: '/run/clamav/clamd.ctl' }],
    ['unix:///var/lib/visio%20msap/clamd.sock', { kind: 'unix', path: '/var/lib/visio msap/clamd.sock' }],
  ])('%s', (url, target) => {
    expect(parseClamdUrl(url)).toEqual(target);
    expect(parseClamdUrl(describeClamdTarget(target))).toEqual(target);
  });

  it.each([
    ['clamd:3310', /unsupported scheme "clamd"/],
    ['http://127.0.0.1:3310', /unsupported scheme "http"/],
    ['127.0.0.1:3310', /not a URL|unsupported scheme/],
    ['tcp://127.0.0.1', /port is missing/],
    ['tcp://127.0.0.1:0', /port is missing or out of range/],
    ['tcp://127.0.0.1:70000', /not a URL/],
    ['tcp://127.0.0.1:3310/x', /no path/],
    ['tcp://user:secret@127.0.0.1:3310', /credentials/],
    ['unix://run/clamd.sock', /absolute/],
    ['unix:///', /absolute file path/],
    ['', /not a URL/],
  ])('refuses %j', (url, message) => {
    expect(() => parseClamdUrl(url)).toThrow(message);
    expect(() => parseClamdUrl(url)).toThrow(/expected tcp:\/\/host:port or unix:\/\/\/absolute\/path/);
  });
});

/** A clamd stand-in: each connection is handed to the test, which writes what clamd would. */
class FakeClamd {
  readonly connections: Socket[] = [];
  private constructor(
    private readonly server: Server,
    readonly target: ClamdTarget,
  ) {}

  static async start(onConnection: (socket: Socket) => void, listenOn: { path: string } | { port: 0; host: string } = { port: 0, host: '127.0.0.1' }) {
    const server = createServer(onConnection);
    server.listen(listenOn);
    await once(server, 'listening');
    const target: ClamdTarget =
      'path' in listenOn ? { kind: 'unix', path: listenOn.path } : { kind: 'tcp', host: '127.0.0.1', port: (server.address() as AddressInfo).port };
    const fake = new FakeClamd(server, target);
    server.on('connection', (socket) => fake.connections.push(socket));
    return fake;
  }

  close(): Promise<void> {
    for (const socket of this.connections) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Reads an INSTREAM request: the command, then chunk lengths and bytes, up to the zero-length chunk. */
function readInstream(socket: Socket): Promise<{ command: string; chunkLengths: number[]; data: Buffer }> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    let command: string | null = null;
    const chunkLengths: number[] = [];
    const data: Buffer[] = [];
    socket.on('data', (bytes: Buffer) => {
      buffer = Buffer.concat([buffer, bytes]);
      if (command === null) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (buffer.length < 4 + length) return;
        chunkLengths.push(length);
        data.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
        if (length === 0) return resolve({ command, chunkLengths, data: Buffer.concat(data) });
      }
    });
    socket.on('error', reject);
  });
}

/** Replies to one command with `reply` once the request is complete. */
function answering(reply: string) {
  return (socket: Socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (bytes: Buffer) => {
      received = Buffer.concat([received, bytes]);
      const command = received.subarray(0, received.indexOf(0)).toString();
      if (command === 'zINSTREAM' ? received.subarray(-4).equals(Buffer.alloc(4)) && received.length > 10 : received.includes(0)) {
        socket.end(reply);
      }
    });
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('ClamdClient', () => {
  let fake: FakeClamd | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('pings with the NUL-terminated form', async () => {
    let command = '';
    fake = await FakeClamd.start((socket) =>
      socket.on('data', (bytes: Buffer) => {
        command += bytes.toString('latin1');
        if (command.endsWith('\0')) socket.end('PONG\0');
      }),
    );
    await new ClamdClient(fake.target).ping();
    expect(command).toBe('zPING\0');
  });

  it('returns the VERSION reply without its NUL', async () => {
    fake = await FakeClamd.start(answering('ClamAV 1.4.6/27000/Tue Dec  1 09:00:00 2026\0'));
    await expect(new ClamdClient(fake.target).version()).resolves.toBe('ClamAV 1.4.6/27000/Tue Dec  1 09:00:00 2026');
  });

  it('refuses a PING reply that is not PONG', async () => {
    fake = await FakeClamd.start(answering('UNKNOWN COMMAND\0'));
    const error = await failure(new ClamdClient(fake.target).ping());
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toMatch(/unexpected reply to PING/);
  });

  it('frames the stream in chunks of at most 64 KiB, skips empty ones and ends with a zero length', async () => {
    let request: ReturnType<typeof readInstream> | undefined;
    fake = await FakeClamd.start((socket) => {
      request = readInstream(socket);
      void request.then(() => socket.end('stream: OK\0'));
    });
    const parts = [Buffer.from('abc'), Buffer.alloc(0), Buffer.alloc(150 * 1024, 7), new Uint8Array([1, 2, 3, 4])];
    await expect(new ClamdClient(fake.target).scan(Readable.from(parts))).resolves.toEqual({ infected: false });
    const { command, chunkLengths, data } = await request!;
    expect(command).toBe('zINSTREAM');
    expect(chunkLengths).toEqual([3, MAX_CHUNK_BYTES, MAX_CHUNK_BYTES, 150 * 1024 - 2 * MAX_CHUNK_BYTES, 4, 0]);
    expect(data.equals(Buffer.concat(parts))).toBe(true);
  });

  it('honours a smaller chunk size and takes any async iterable', async () => {
    let request: ReturnType<typeof readInstream> | undefined;
    fake = await FakeClamd.start((socket) => {
      request = readInstream(socket);
      void request.then(() => socket.end('stream: OK\0'));
    });
    async function* source() {
      yield Buffer.alloc(2500, 1);
    }
    await new ClamdClient(fake.target, { chunkBytes: 1000 }).scan(source());
    expect((await request!).chunkLengths).toEqual([1000, 1000, 500, 0]);
  });

  it('reports a detection with its signature name', async () => {
    fake = await FakeClamd.start(answering('stream: Eicar.Test.Signature.UNOFFICIAL FOUND\0'));
    await expect(new ClamdClient(fake.target).scan(Readable.from([Buffer.from('x')]))).resolves.toEqual({
      infected: true,
      signature: 'Eicar.Test.Signature.UNOFFICIAL',
    });
  });

  it('works over a Unix socket', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'visio-clamd-'));
    try {
      fake = await FakeClamd.start(answering('stream: OK\0'), { path: join(dir, 'clamd.sock') });
      await expect(new ClamdClient(fake.target).scan(Readable.from([Buffer.from('x')]))).resolves.toEqual({ infected: false });
    } finally {
      await fake?.close();
      fake = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops sending and fails on the size-limit error clamd answers in mid-stream', async () => {
    let receivedAtReply = 0;
    let receivedTotal = 0;
    fake = await FakeClamd.start((socket) => {
      socket.on('data', (bytes: Buffer) => {
        receivedTotal += bytes.length;
        if (receivedAtReply === 0 && receivedTotal > 200_000) {
          receivedAtReply = receivedTotal;
          // Half-close, still reading: the client must stop on the reply, not on a broken pipe.
          socket.end('INSTREAM size limit exceeded. ERROR\0');
        }
      });
    });
    const error = await failure(new ClamdClient(fake.target).scan(Readable.from(chunksOf(20 * 1024 * 1024))));
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toBe('clamd: INSTREAM size limit exceeded');
    expect(receivedTotal).toBeLessThan(5 * 1024 * 1024);
  });

  it('fails when clamd answers the size-limit error and drops the connection at once', async () => {
    fake = await FakeClamd.start((socket) => {
      let received = 0;
      socket.on('data', (bytes: Buffer) => {
        received += bytes.length;
        if (received > 200_000 && !socket.destroyed) {
          socket.write('INSTREAM size limit exceeded. ERROR\0');
          socket.destroy();
        }
      });
    });
    const error = await failure(new ClamdClient(fake.target).scan(Readable.from(chunksOf(20 * 1024 * 1024))));
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
  });

  it('fails when the connection closes before a reply', async () => {
    fake = await FakeClamd.start((socket) => socket.once('data', () => socket.destroy()));
    const error = await failure(new ClamdClient(fake.target).scan(Readable.from([Buffer.alloc(1000)])));
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toMatch(/closed before a reply|connection lost/);
  });

  it('fails on a reply cut short (no NUL) rather than guessing', async () => {
    fake = await FakeClamd.start(answering('stream: OK'));
    const error = await failure(new ClamdClient(fake.target).scan(Readable.from([Buffer.from('x')])));
    expect((error as AntivirusUnavailableError).reason).toBe('reply cut short: "stream: OK"');
  });

  it.each(['stream: maybe\0', 'stream:  FOUND\0', '\0'])('fails on the unparseable reply %j', async (reply) => {
    fake = await FakeClamd.start(answering(reply));
    const error = await failure(new ClamdClient(fake.target).scan(Readable.from([Buffer.from('x')])));
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toMatch(/unexpected reply to INSTREAM/);
  });

  it('fails on a clamd error reply', async () => {
    fake = await FakeClamd.start(answering("stream: Can't allocate memory ERROR\0"));
    const error = await failure(new ClamdClient(fake.target).scan(Readable.from([Buffer.from('x')])));
    expect((error as AntivirusUnavailableError).reason).toBe("clamd: Can't allocate memory");
  });

  it('times out when clamd stays silent after the stream', async () => {
    fake = await FakeClamd.start((socket) => socket.resume());
    const started = Date.now();
    const error = await failure(new ClamdClient(fake.target, { idleTimeoutMs: 200 }).scan(Readable.from([Buffer.from('x')])));
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toBe('no activity for 200 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out, without waiting for it, when the source stalls', async () => {
    fake = await FakeClamd.start((socket) => socket.resume());
    const stalled = new PassThrough();
    stalled.write(Buffer.from('first bytes, then nothing'));
    const error = await failure(new ClamdClient(fake.target, { idleTimeoutMs: 200 }).scan(stalled));
    expect((error as AntivirusUnavailableError).reason).toBe('no activity for 200 ms');
  });

  it('fails to connect to a port where nothing listens', async () => {
    const closed = await FakeClamd.start(() => undefined);
    await closed.close();
    const error = await failure(new ClamdClient(closed.target).ping());
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toBe('cannot connect (ECONNREFUSED)');
  });

  it('fails to connect to a socket file that does not exist', async () => {
    const error = await failure(new ClamdClient({ kind: 'unix', path: join(tmpdir(), 'no-such-clamd.sock') }).scan(Readable.from([Buffer.from('x')])));
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toBe('cannot connect (ENOENT)');
    expect((error as Error).message).toMatch(/^No verdict from the antivirus \(clamd at unix:\/\/.*no-such-clamd\.sock\)/);
  });

  it('rejects with the source error itself and closes the connection', async () => {
    let closed: Promise<unknown> | undefined;
    fake = await FakeClamd.start((socket) => {
      socket.resume();
      closed = once(socket, 'close');
    });
    const broken = new Error('upload interrupted');
    async function* source() {
      yield Buffer.alloc(10_000);
      throw broken;
    }
    await expect(new ClamdClient(fake.target).scan(source())).rejects.toBe(broken);
    await closed;
  });

  it('refuses a stream that yields text (an encoding was set)', async () => {
    fake = await FakeClamd.start((socket) => socket.resume());
    const text = Readable.from([Buffer.from('abc')]).setEncoding('utf8');
    await expect(new ClamdClient(fake.target).scan(text)).rejects.toThrow(TypeError);
  });

  it('reads the source no faster than clamd takes it', async () => {
    let server: Socket | undefined;
    fake = await FakeClamd.start((socket) => {
      server = socket;
      socket.pause();
    });
    let produced = 0;
    const size = 64 * 1024 * 1024;
    async function* source() {
      for (const chunk of chunksOf(size)) {
        produced += chunk.length;
        yield chunk;
      }
    }
    const scanning = new ClamdClient(fake.target).scan(source());
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Socket buffers hold a few MiB at most: the rest of the file stays unread.
    expect(produced).toBeLessThan(16 * 1024 * 1024);
    const request = readInstream(server!);
    server!.resume();
    await request.then(() => server!.end('stream: OK\0'));
    await expect(scanning).resolves.toEqual({ infected: false });
    expect(produced).toBe(size);
  });
});

function* chunksOf(total: number, size = MAX_CHUNK_BYTES): Generator<Buffer> {
  const chunk = Buffer.alloc(size, 0x41);
  for (let sent = 0; sent < total; sent += size) yield chunk.subarray(0, Math.min(size, total - sent));
}
