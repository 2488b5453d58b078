import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertObjectKey, DocumentStorage } from './document-storage';
import { EMPTY_SHA256, encodePath, canonicalQueryString, sha256Hex, signRequest } from './s3-signature';

export interface S3StorageOptions {
  /** `http(s)://host[:port][/path]`: buckets are addressed by path (`<endpoint>/<bucket>/<key>`). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
  /** Bytes held in memory per upload: a body up to this size is one PutObject, a larger one a multipart upload of parts this size. */
  partSize?: number;
  /** A request that receives nothing for this long fails. */
  timeoutMs?: number;
  /** Keys per ListObjectsV2 page (S3's own limit, 1000, unless a test wants several pages). */
  listPageSize?: number;
}

const MiB = 1024 * 1024;
/** S3's floor for every part but the last. */
const MIN_PART_SIZE = 5 * MiB;
const MAX_PARTS = 10_000;
const ATTEMPTS = 3;
const MAX_ERROR_BODY = 64 * 1024;

/** What went wrong, as S3 said it: the operation, the HTTP status and S3's error code (never a credential). */
export class S3RequestError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number | null,
    readonly code: string | null,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'S3RequestError';
  }
}

interface S3Call {
  operation: string;
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** Absent: the bucket itself. */
  key?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Statuses that are not failures besides 2xx (a 404 for a delete). */
  alsoOk?: number[];
}

interface MultipartUpload {
  id: string;
  etags: string[];
}

/**
 * Objects in an S3-compatible bucket (MinIO, Ceph RGW, Garage, a cloud provider), spoken to with
 * node:http and our own SigV4 signing rather than the AWS SDK.
 *
 * NOTE: bodies arrive as streams of unknown length and S3 wants each request's length up front.
 * A body is read into one buffer of `partSize`: if it ends before the buffer fills (most documents)
 * it is sent as one PutObject; otherwise each full buffer becomes one part of a multipart upload,
 * sent before the next is read. Memory stays at one part per upload, nothing touches the disk, and
 * every request's payload is hashed and signed (no UNSIGNED-PAYLOAD, even over plain http). An
 * upload that fails is aborted: an object appears only when CompleteMultipartUpload succeeds.
 */
/** The configured storage cannot be used: the server stops at boot with this message (no stack trace). */
export class StorageUnusableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnusableError';
  }
}

export class S3DocumentStorage implements DocumentStorage {
  readonly kind = 's3' as const;
  private readonly logger = new Logger('S3DocumentStorage');
  private readonly base: URL;
  private readonly agent: HttpAgent;
  private readonly partSize: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: S3StorageOptions) {
    this.base = new URL(options.endpoint.replace(/\/+$/, ''));
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new Error(`S3 endpoint must be an http(s) URL: ${options.endpoint}`);
    this.agent = this.base.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    this.partSize = options.partSize ?? 8 * MiB;
    if (this.partSize < MIN_PART_SIZE) throw new Error(`S3 part size must be at least ${MIN_PART_SIZE} bytes`);
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** HEAD on the bucket, for the server to stop at boot with a message that says what to fix. */
  async checkBucket(): Promise<void> {
    let failure: S3RequestError;
    try {
      await this.call({ operation: 'HeadBucket', method: 'HEAD' });
      return;
    } catch (error) {
      if (!(error instanceof S3RequestError)) throw error;
      failure = error;
    }
    // A HEAD answer has no body, hence no error code: the same question as a listing gets one.
    if (failure.status !== null) {
      const first = failure;
      failure = await this.listPage('', undefined, 1).then(
        () => first,
        (error: unknown) => (error instanceof S3RequestError ? error : first),
      );
    }
    const bucket = `S3 bucket "${this.options.bucket}" at ${this.base.origin}`;
    throw new StorageUnusableError(`${bucket} is not usable: ${failure.message}. ${hintFor(failure)}`, { cause: failure });
  }

  async put(key: string, body: Readable): Promise<void> {
    assertObjectKey(key);
    const part = Buffer.allocUnsafe(this.partSize);
    let filled = 0;
    let upload: MultipartUpload | null = null;
    try {
      // The body is destroyed below with the error itself, for the writer upstream to see why.
      for await (const chunk of body.iterator({ destroyOnReturn: false })) {
        let data = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        while (data.length > 0) {
          const copied = data.copy(part, filled);
          filled += copied;
          data = data.subarray(copied);
          if (filled < part.length) continue;
          upload ??= await this.createMultipartUpload(key);
          await this.uploadPart(key, upload, part);
          filled = 0;
        }
      }
      if (!upload) return await this.putObject(key, part.subarray(0, filled));
      if (filled > 0) await this.uploadPart(key, upload, part.subarray(0, filled));
      await this.completeMultipartUpload(key, upload);
    } catch (error) {
      if (!body.destroyed) {
        // No crash for a body that nobody else watches; whoever does (a pipeline upstream) gets the error.
        body.on('error', () => undefined);
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      }
      if (upload) await this.abortMultipartUpload(key, upload);
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    assertObjectKey(key);
    return this.request({ operation: 'GetObject', method: 'GET', key }, true);
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    // S3 answers 204 for a missing key; some compatible servers answer 404.
    await this.call({ operation: 'DeleteObject', method: 'DELETE', key, alsoOk: [404] });
  }

  async deleteDocument(documentId: string): Promise<void> {
    assertObjectKey(`${documentId}/x`);
    let token: string | undefined;
    do {
      const page = await this.listPage(`${documentId}/`, token);
      if (page.keys.length > 0) await this.deleteObjects(page.keys);
      token = page.next;
    } while (token);
  }

  /** Keys under a prefix, for deleteDocument, tests and an orphan sweep. */
  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.listPage(prefix, token);
      keys.push(...page.keys);
      token = page.next;
    } while (token);
    return keys;
  }

  /** Closes the idle keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private async putObject(key: string, body: Buffer): Promise<void> {
    await this.call({ operation: 'PutObject', method: 'PUT', key, body, headers: { 'content-type': 'application/octet-stream' } });
  }

  private async createMultipartUpload(key: string): Promise<MultipartUpload> {
    const headers = { 'content-type': 'application/octet-stream' };
    const { text: xml } = await this.call({ operation: 'CreateMultipartUpload', method: 'POST', key, query: { uploads: '' }, headers });
    const id = xmlText(xml, 'UploadId');
    if (!id) throw new S3RequestError('CreateMultipartUpload', 200, null, `S3 CreateMultipartUpload of "${key}" failed: no UploadId in the answer`);
    return { id, etags: [] };
  }

  private async uploadPart(key: string, upload: MultipartUpload, body: Buffer): Promise<void> {
    const partNumber = upload.etags.length + 1;
    if (partNumber > MAX_PARTS) throw new Error(`S3 UploadPart of "${key}": more than ${MAX_PARTS} parts of ${this.partSize} bytes`);
    const { headers } = await this.call({ operation: 'UploadPart', method: 'PUT', key, query: { partNumber: String(partNumber), uploadId: upload.id }, body });
    const etag = headers.etag;
    if (!etag) throw new S3RequestError('UploadPart', 200, null, `S3 UploadPart ${partNumber} of "${key}" failed: no ETag in the answer`);
    upload.etags.push(etag);
  }

  private async completeMultipartUpload(key: string, upload: MultipartUpload): Promise<void> {
    const parts = upload.etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${xmlEscape(etag)}</ETag></Part>`).join('');
    const body = Buffer.from(`<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`);
    const headers = { 'content-type': 'application/xml' };
    const { text: xml } = await this.call({ operation: 'CompleteMultipartUpload', method: 'POST', key, query: { uploadId: upload.id }, body, headers });
    // S3 may answer 200 and report a failure in the body, once the parts are assembled.
    if (/<Error>/.test(xml)) throw this.errorFromBody('CompleteMultipartUpload', `"${key}"`, 200, xml);
  }

  /** Best effort: the caller's error matters more, and a bucket lifecycle rule reaps what remains. */
  private async abortMultipartUpload(key: string, upload: MultipartUpload): Promise<void> {
    try {
      await this.call({ operation: 'AbortMultipartUpload', method: 'DELETE', key, query: { uploadId: upload.id }, alsoOk: [404] });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`an unfinished upload of "${key}" (${upload.id}) is left in the bucket: ${reason}`);
    }
  }

  private async listPage(prefix: string, token: string | undefined, maxKeys = this.options.listPageSize ?? 1000): Promise<{ keys: string[]; next?: string }> {
    const query: Record<string, string> = { 'list-type': '2', prefix, 'max-keys': String(maxKeys) };
    if (token) query['continuation-token'] = token;
    const { text: xml } = await this.call({ operation: 'ListObjectsV2', method: 'GET', query });
    const keys = xmlBlocks(xml, 'Contents').map((contents) => xmlText(contents, 'Key') ?? '');
    const next = xmlText(xml, 'IsTruncated') === 'true' ? xmlText(xml, 'NextContinuationToken') : undefined;
    return { keys: keys.filter((key) => key !== ''), next };
  }

  private async deleteObjects(keys: string[]): Promise<void> {
    const objects = keys.map((key) => `<Object><Key>${xmlEscape(key)}</Key></Object>`).join('');
    const body = Buffer.from(`<Delete><Quiet>true</Quiet>${objects}</Delete>`);
    // S3 requires an integrity header on this one request.
    const headers = { 'content-md5': createHash('md5').update(body).digest('base64'), 'content-type': 'application/xml' };
    const { text: xml } = await this.call({ operation: 'DeleteObjects', method: 'POST', query: { delete: '' }, body, headers });
    // A 200 that lists, in quiet mode, the objects that could not be deleted.
    const failed = xmlBlocks(xml, 'Error');
    if (failed.length === 0) return;
    const [key, code, message] = ['Key', 'Code', 'Message'].map((tag) => xmlText(failed[0]!, tag));
    const detail = `${failed.length} of ${keys.length} objects not deleted, first "${key}": ${code} (${message})`;
    throw new S3RequestError('DeleteObjects', 200, code ?? null, `S3 DeleteObjects of bucket "${this.options.bucket}" failed: ${detail}`);
  }

  /** A request whose answer is small (XML or nothing), read whole. */
  private async call(call: S3Call): Promise<{ headers: IncomingHttpHeaders; text: string }> {
    return this.retrying(async () => {
      const response = await this.attempt(call, false);
      const text = await readText(response, Number.POSITIVE_INFINITY).catch((error: Error) => {
        const message = `S3 ${call.operation} failed: the answer was cut: ${error.message}`;
        throw new S3RequestError(call.operation, response.statusCode ?? null, null, message, { cause: error });
      });
      return { headers: response.headers, text };
    });
  }

  /** A request whose answer the caller reads as a stream. */
  private async request(call: S3Call, streamed: boolean): Promise<IncomingMessage> {
    return this.retrying(() => this.attempt(call, streamed));
  }

  /** Every body here is a buffer, so a request can be sent again after a dropped connection or a 500/503. */
  private async retrying<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        const transient = error instanceof S3RequestError && (error.status === 500 || error.status === 503 || isDroppedConnection(error.cause));
        if (!transient || attempt >= ATTEMPTS) throw error;
        await sleep(200 * 4 ** (attempt - 1));
      }
    }
  }

  private attempt(call: S3Call, streamed: boolean): Promise<IncomingMessage> {
    const object = call.key ? `${this.options.bucket}/${call.key}` : this.options.bucket;
    const path = `${this.base.pathname.replace(/\/$/, '')}/${encodePath(object)}`;
    const query = call.query ?? {};
    const body = call.body ?? (call.method === 'PUT' || call.method === 'POST' ? Buffer.alloc(0) : undefined);
    const headers = signRequest(
      {
        method: call.method,
        path,
        query,
        headers: { host: this.base.host, ...(body ? { 'content-length': String(body.length) } : {}), ...call.headers },
        payloadHash: body ? sha256Hex(body) : EMPTY_SHA256,
      },
      this.options,
      new Date(),
    );
    const search = canonicalQueryString(query);
    const target = call.key ? `"${call.key}"` : `bucket "${this.options.bucket}"`;
    const send = this.base.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const url = { protocol: this.base.protocol, hostname: this.base.hostname, port: this.base.port, path: search ? `${path}?${search}` : path };
      const request = send({ ...url, method: call.method, headers, agent: this.agent }, (response) => {
        const status = response.statusCode ?? 0;
        if ((status >= 200 && status < 300) || call.alsoOk?.includes(status)) {
          // A download may be paused by a slow reader for longer than the timeout: the reader's own end governs it.
          if (streamed) request.setTimeout(0);
          return resolve(response);
        }
        readText(response, MAX_ERROR_BODY).then(
          (text) => reject(this.errorFromBody(call.operation, target, status, text)),
          () => reject(this.errorFromBody(call.operation, target, status, '')),
        );
      });
      const silence = Object.assign(new Error(`no answer for ${this.timeoutMs / 1000} s`), { code: 'ETIMEDOUT' });
      request.setTimeout(this.timeoutMs, () => request.destroy(silence));
      request.on('error', (error: NodeJS.ErrnoException) => {
        const reason = error.code && !error.message.includes(error.code) ? `${error.message} (${error.code})` : error.message;
        const message = `S3 ${call.operation} of ${target} failed on the connection to ${this.base.origin}: ${reason}`;
        reject(new S3RequestError(call.operation, null, null, message, { cause: error }));
      });
      request.end(body);
    });
  }

  private errorFromBody(operation: string, target: string, status: number, text: string): S3RequestError {
    const code = xmlText(text, 'Code') ?? null;
    const message = xmlText(text, 'Message');
    const said = [code, message ? `(${message})` : null].filter(Boolean).join(' ');
    return new S3RequestError(operation, status, code, `S3 ${operation} of ${target} failed: HTTP ${status}${said ? ` ${said}` : ''}`);
  }
}

function hintFor(error: S3RequestError): string {
  switch (error.code ?? error.status) {
    case 'NoSuchBucket':
    case 404:
      return 'Create the bucket, or check S3_BUCKET.';
    case 'InvalidAccessKeyId':
    case 'SignatureDoesNotMatch':
    case 'AccessDenied':
    case 403:
      return 'Check S3_ACCESS_KEY and S3_SECRET_KEY, and that this key may use the bucket.';
    case 'AuthorizationHeaderMalformed':
    case 'PermanentRedirect':
    case 301:
      return 'Check S3_REGION.';
    case 'RequestTimeTooSkewed':
      return 'This machine’s clock is off: synchronise it (NTP).';
    case null:
      return 'Check S3_ENDPOINT and that the S3 server is running.';
    default:
      return 'Check the S3_* settings.';
  }
}

function isDroppedConnection(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT';
}

async function readText(response: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response) {
    if (length >= limit) continue;
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

// S3 answers are small, flat and machine-made: a few tags are read without an XML library.
function xmlBlocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]!);
}

function xmlText(xml: string, tag: string): string | undefined {
  const block = xmlBlocks(xml, tag)[0];
  return block === undefined ? undefined : xmlUnescape(block);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_all, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name]!;
  });
}

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${Object.keys(ENTITIES).find((name) => ENTITIES[name] === c)};`);
}
