import { connect, type Socket } from 'node:net';

/** Where a clamd listens: its TCP port, or its local (Unix) socket. */
export type ClamdTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

export type ScanVerdict = { infected: false } | { infected: true; signature: string };

/** clamd's INSTREAM takes chunks of any size, but its documentation asks for small ones. */
export const MAX_CHUNK_BYTES = 64 * 1024;

/**
 * Longest silence on the socket before the daemon is given up. It must exceed the daemon's
 * MaxScanTime (clamd is silent while it scans after the last chunk): EmbeddedClamd sets it below this.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

// A reply is one short line; anything longer is not clamd.
const MAX_REPLY_BYTES = 4096;
const END_OF_STREAM = Buffer.alloc(4);

export interface ClamdClientOptions {
  connectTimeoutMs?: number;
  /**
   * Longest time without any byte moving either way. While the source is slow to produce data the
   * socket is idle too, as it is for clamd (whose ReadTimeout drops a silent client).
   */
  idleTimeoutMs?: number;
  /** Bytes per INSTREAM chunk, at most {@link MAX_CHUNK_BYTES}. */
  chunkBytes?: number;
}

/** No verdict could be had from clamd: the file must be treated as not scanned (never as clean). */
export class AntivirusUnavailableError extends Error {
  constructor(
    readonly reason: string,
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(`No verdict from the antivirus (clamd at ${target}): ${reason}`, options);
    this.name = 'AntivirusUnavailableError';
  }
}

const URL_FORMS = 'expected tcp://host:port or unix:///absolute/path/to/clamd.sock';

/** Parses CLAMD_URL: `tcp://host:port` (IPv6 in brackets) or `unix:///absolute/path`. */
export function parseClamdUrl(url: string): ClamdTarget {
  const invalid = (why: string) => new Error(`Invalid clamd URL "${url}": ${why} (${URL_FORMS})`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('not a URL');
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw invalid('credentials, query and fragment are not allowed');
  }
  if (parsed.protocol === 'tcp:') {
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(parsed.port);
    if (!host) throw invalid('the host is missing');
    if (!parsed.port || !Number.isInteger(port) || port < 1 || port > 65_535) throw invalid('the port is missing or out of range');
    if (parsed.pathname !== '' && parsed.pathname !== '/') throw invalid('a TCP address has no path');
    return { kind: 'tcp', host, port };
  }
  if (parsed.protocol === 'unix:') {
    // unix://relative/path would make "relative" a host name: the path must be absolute (three slashes).
    if (parsed.host !== '') throw invalid('the socket path must be absolute (three slashes)');
    const path = decodeURIComponent(parsed.pathname);
    if (!path.startsWith('/') || path.endsWith('/')) throw invalid('the socket path must be an absolute file path');
    return { kind: 'unix', path };
  }
  throw invalid(`unsupported scheme "${parsed.protocol.replace(/:$/, '')}"`);
}

export function describeClamdTarget(target: ClamdTarget): string {
  if (target.kind === 'unix') return `unix://${target.path}`;
  return target.host.includes(':') ? `tcp://[${target.host}]:${target.port}` : `tcp://${target.host}:${target.port}`;
}

/**
 * Speaks clamd's protocol over one connection per command (the `z` forms: NUL-terminated), so a
 * daemon restart between two scans costs nothing. Every way of not getting a verdict is an
 * {@link AntivirusUnavailableError}.
 */
export class ClamdClient {
  private readonly connectTimeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly chunkBytes: number;
  private readonly label: string;

  constructor(
    readonly target: ClamdTarget,
    options: ClamdClientOptions = {},
  ) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.chunkBytes = options.chunkBytes ?? MAX_CHUNK_BYTES;
    if (!Number.isInteger(this.chunkBytes) || this.chunkBytes < 1 || this.chunkBytes > MAX_CHUNK_BYTES) {
      throw new RangeError(`chunkBytes must be an integer from 1 to ${MAX_CHUNK_BYTES}`);
    }
    this.label = describeClamdTarget(target);
  }

  async ping(): Promise<void> {
    const reply = await this.command('PING');
    if (reply !== 'PONG') throw new AntivirusUnavailableError(`unexpected reply to PING: ${quote(reply)}`, this.label);
  }

  /** The daemon's VERSION line, e.g. `ClamAV 1.4.6/27000/Tue Dec  1 09:00:00 2026` (see parseClamdVersion). */
  async version(): Promise<string> {
    const reply = await this.command('VERSION');
    if (!reply.startsWith('ClamAV ')) throw new AntivirusUnavailableError(`unexpected reply to VERSION: ${quote(reply)}`, this.label);
    return reply;
  }

  /**
   * Streams the source to clamd (INSTREAM) as it arrives, waiting whenever the socket is full, so
   * the file is never held in memory. The source is consumed, and released if the scan stops early.
   * A source error rejects with that very error (after closing the connection).
   */
  async scan(source: AsyncIterable<Buffer> | NodeJS.ReadableStream): Promise<ScanVerdict> {
    const exchange = await this.open();
    const chunks = (source as AsyncIterable<Buffer | Uint8Array | string>)[Symbol.asyncIterator]();
    let sourceDone = false;
    try {
      await exchange.send(Buffer.from('zINSTREAM\0'));
      while (!exchange.settled) {
        const next = await exchange.unlessSettled(chunks.next());
        if (next === null) break;
        if (next.done) {
          sourceDone = true;
          await exchange.send(END_OF_STREAM);
          break;
        }
        await this.sendChunks(exchange, toBuffer(next.value));
      }
    } catch (error) {
      exchange.abort();
      throw error;
    } finally {
      // Stopped before the end (clamd gave up, or the source failed): let the source release itself.
      if (!sourceDone) chunks.return?.().catch(() => undefined);
    }
    return parseScanReply(await exchange.reply, this.label);
  }

  private async sendChunks(exchange: Exchange, bytes: Buffer): Promise<void> {
    // NOTE: an empty chunk would be a zero length, which ends the stream: it is skipped.
    for (let offset = 0; offset < bytes.length && !exchange.settled; offset += this.chunkBytes) {
      const piece = bytes.subarray(offset, offset + this.chunkBytes);
      const header = Buffer.allocUnsafe(4);
      header.writeUInt32BE(piece.length);
      await exchange.send(Buffer.concat([header, piece]));
    }
  }

  private async command(name: string): Promise<string> {
    const exchange = await this.open();
    await exchange.send(Buffer.from(`z${name}\0`));
    return exchange.reply;
  }

  private open(): Promise<Exchange> {
    return new Promise((resolve, reject) => {
      const socket =
        this.target.kind === 'unix' ? connect({ path: this.target.path }) : connect({ host: this.target.host, port: this.target.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new AntivirusUnavailableError(`no connection after ${this.connectTimeoutMs} ms`, this.label));
      }, this.connectTimeoutMs);
      const onError = (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new AntivirusUnavailableError(`cannot connect (${error.code ?? error.message})`, this.label, { cause: error }));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        resolve(new Exchange(socket, this.idleTimeoutMs, this.label));
      });
    });
  }
}

/** One command on one connection: its reply, or the reason there will be none. */
class Exchange {
  /** The reply without its NUL; rejects with AntivirusUnavailableError. */
  readonly reply: Promise<string>;
  private done = false;
  private received: Buffer[] = [];
  private receivedBytes = 0;
  private readonly wakeOnSettle = new Set<() => void>();
  private resolveReply!: (reply: string) => void;
  private rejectReply!: (error: AntivirusUnavailableError) => void;

  constructor(
    private readonly socket: Socket,
    idleTimeoutMs: number,
    private readonly label: string,
  ) {
    this.reply = new Promise<string>((resolve, reject) => {
      this.resolveReply = resolve;
      this.rejectReply = reject;
    });
    // Awaited later, or not at all when the source fails first: never an unhandled rejection.
    this.reply.catch(() => undefined);
    socket.setTimeout(idleTimeoutMs, () => this.fail(`no activity for ${idleTimeoutMs} ms`));
    socket.on('data', (data: Buffer) => this.receive(data));
    socket.on('end', () => this.fail(this.receivedBytes > 0 ? `reply cut short: ${quote(this.text())}` : 'connection closed before a reply'));
    socket.on('error', (error: NodeJS.ErrnoException) => this.fail(`connection lost (${error.code ?? error.message})`, error));
    socket.on('close', () => this.fail('connection closed before a reply'));
  }

  get settled(): boolean {
    return this.done;
  }

  /** Writes, then waits while the socket is full; returns at once when the exchange is over. */
  async send(data: Buffer): Promise<void> {
    if (this.settled || this.socket.write(data)) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        this.socket.off('drain', wake);
        this.wakeOnSettle.delete(wake);
        resolve();
      };
      this.socket.once('drain', wake);
      this.wakeOnSettle.add(wake);
    });
  }

  /** The promise's value, or null as soon as the exchange is over (a stalled source is not waited for). */
  async unlessSettled<T>(promise: Promise<T>): Promise<T | null> {
    if (this.settled) return null;
    let wake!: () => void;
    const settled = new Promise<null>((resolve) => (wake = () => resolve(null)));
    this.wakeOnSettle.add(wake);
    try {
      return await Promise.race([promise, settled]);
    } finally {
      this.wakeOnSettle.delete(wake);
    }
  }

  abort(): void {
    this.fail('scan aborted');
  }

  private receive(data: Buffer): void {
    if (this.settled) return;
    const end = data.indexOf(0);
    this.received.push(end >= 0 ? data.subarray(0, end) : data);
    this.receivedBytes += data.length;
    if (end >= 0) this.settle(() => this.resolveReply(this.text()));
    else if (this.receivedBytes > MAX_REPLY_BYTES) this.fail(`reply longer than ${MAX_REPLY_BYTES} bytes`);
  }

  private text(): string {
    return Buffer.concat(this.received).toString('utf8');
  }

  private fail(reason: string, cause?: unknown): void {
    this.settle(() => this.rejectReply(new AntivirusUnavailableError(reason, this.label, cause === undefined ? undefined : { cause })));
  }

  private settle(outcome: () => void): void {
    if (this.done) return;
    this.done = true;
    outcome();
    // One command per connection: once the reply (or the failure) is known the socket has no use.
    this.socket.destroy();
    for (const wake of [...this.wakeOnSettle]) wake();
  }
}

function parseScanReply(reply: string, label: string): ScanVerdict {
  if (reply === 'stream: OK') return { infected: false };
  const found = /^stream: (\S.*) FOUND$/.exec(reply);
  if (found) return { infected: true, signature: found[1]! };
  // e.g. "INSTREAM size limit exceeded. ERROR", "stream: Can't allocate memory ERROR"
  const error = /^(?:stream: )?(.*?)\.? ERROR$/.exec(reply);
  if (error) throw new AntivirusUnavailableError(`clamd: ${error[1]}`, label);
  throw new AntivirusUnavailableError(`unexpected reply to INSTREAM: ${quote(reply)}`, label);
}

function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  // A string chunk means the stream decodes bytes into text: what clamd would scan is no longer the file.
  if (typeof chunk === 'string') throw new TypeError('scan() needs a byte stream (one without setEncoding)');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
