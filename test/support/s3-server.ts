import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_SHA256, canonicalQueryString, encodePath, signRequest } from '../../server/src/documents/storage/s3-signature';

const ROOT = join(__dirname, '..', '..');

/**
 * A real S3-compatible server: s3rver (the @20minutes fork, Node 20) in a child process on a random
 * port and a temporary directory. It checks each request's SigV4 signature (though not the payload
 * hash against the body) but implements neither AbortMultipartUpload nor ListMultipartUploads; the
 * assertions that need them run on a server that has them: VISIO_TEST_S3_ENDPOINT (+ VISIO_TEST_S3_ACCESS_KEY, VISIO_TEST_S3_SECRET_KEY,
 * VISIO_TEST_S3_REGION) points the suite at one (MinIO, Ceph RGW…), where it makes and removes a
 * bucket of its own.
 */
export interface S3Server {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  stop(): Promise<void>;
}

export async function startS3rver(): Promise<S3Server> {
  const dir = await mkdtemp(join(tmpdir(), 'visio-s3-'));
  const accessKey = 'visio-test';
  const secretKey = randomBytes(24).toString('base64url');
  const script = `
    const S3rver = require('@20minutes/s3rver');
    require('@20minutes/s3rver/lib/models/account').DUMMY_ACCOUNT.createKeyPair(process.env.KEY, process.env.SECRET);
    new S3rver({ address: '127.0.0.1', port: 0, directory: process.env.DIR, silent: true, vhostBuckets: false })
      .run()
      .then(({ port }) => console.log(JSON.stringify({ port })), (error) => { console.error(error); process.exit(1); });
  `;
  // NOTE: s3rver makes its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', KEY: accessKey, SECRET: secretKey, DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      const line = /\{"port":(\d+)\}/.exec(output);
      if (line) resolve(Number(line[1]));
    });
    child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening: ${output}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey,
    secretKey,
    region: 'us-east-1',
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export function externalServer(): S3Server | null {
  const endpoint = process.env.VISIO_TEST_S3_ENDPOINT;
  if (!endpoint) return null;
  const need = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required with VISIO_TEST_S3_ENDPOINT`);
    return value;
  };
  return {
    endpoint,
    accessKey: need('VISIO_TEST_S3_ACCESS_KEY'),
    secretKey: need('VISIO_TEST_S3_SECRET_KEY'),
    region: process.env.VISIO_TEST_S3_REGION ?? 'us-east-1',
    stop: async () => undefined,
  };
}

/** Requests the storage does not make (bucket creation, ListMultipartUploads), signed the same way. */
export async function s3(server: S3Server, method: string, path: string, query: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const url = new URL(server.endpoint);
  const fullPath = `${url.pathname.replace(/\/$/, '')}${encodePath(path)}`;
  const headers = signRequest({ method, path: fullPath, query, headers: { host: url.host }, payloadHash: EMPTY_SHA256 }, server, new Date());
  delete headers.host;
  const search = canonicalQueryString(query);
  const response = await fetch(`${url.origin}${fullPath}${search ? `?${search}` : ''}`, { method, headers });
  return { status: response.status, text: await response.text() };
}

/** The suite's S3 server: the external one if configured, else s3rver; with a fresh bucket. */
export async function startS3WithBucket(bucket = `visio-${randomBytes(4).toString('hex')}`): Promise<S3Server & { bucket: string }> {
  const server = externalServer() ?? (await startS3rver());
  const created = await s3(server, 'PUT', `/${bucket}`);
  if (created.status !== 200) {
    await server.stop();
    throw new Error(`creating bucket ${bucket} failed: HTTP ${created.status} ${created.text}`);
  }
  return { ...server, bucket };
}
