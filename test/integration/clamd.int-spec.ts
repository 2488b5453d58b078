import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AntivirusUnavailableError, ClamdClient, type ClamdTarget } from '../../server/src/documents/antivirus/clamd-client';
import { ClamdNotInstalledError, EmbeddedClamd, type ClamdExit } from '../../server/src/documents/antivirus/embedded-clamd';
import { describeSignatures, parseClamdVersion } from '../../server/src/documents/antivirus/signatures';
import { isAlive, until } from '../support/media';

const ROOT = join(__dirname, '..', '..');
const SIGNATURES_DIR = join(ROOT, 'server', 'src', 'documents', 'antivirus', 'signatures');
const STREAM_MAX_BYTES = 8 * 1024 * 1024;
const TEST_STRING = Buffer.from('VISIO-MSAP-ANTIVIRUS-TEST-SIGNATURE-7f3a', 'ascii');
// The EICAR test file, kept in hex so that no antivirus on a developer's machine flags this source file.
const EICAR = Buffer.from(
  '58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a',
  'hex',
);

class Log {
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(`log ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
}

/** Alive and not a zombie waiting to be reaped (an orphan's parent is then whatever adopted it). */
function runs(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Bytes in uneven pieces, as an upload arrives. */
function streamOf(data: Buffer, piece = 100_000): Readable {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += piece) pieces.push(data.subarray(offset, offset + piece));
  return Readable.from(pieces);
}

describe('clamd (the real daemon, run by EmbeddedClamd with the shipped test signatures)', () => {
  let dir: string;
  let workDir: string;
  let log: Log;
  let exits: ClamdExit[];
  let clamd: EmbeddedClamd;
  let target: ClamdTarget;
  let client: ClamdClient;

  const embedded = (overrides: Partial<ConstructorParameters<typeof EmbeddedClamd>[0]> = {}) =>
    new EmbeddedClamd({
      workDir,
      databaseDir: SIGNATURES_DIR,
      streamMaxBytes: STREAM_MAX_BYTES,
      logger: log,
      onExit: (exit) => exits.push(exit),
      ...overrides,
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'visio-clamd-'));
    workDir = join(dir, 'clamav');
    log = new Log();
    exits = [];
    clamd = embedded();
    // Not installed: this fails with ClamdNotInstalledError (apt-get install clamav-daemon), never skips.
    target = await clamd.start();
    client = new ClamdClient(target);
  });

  afterAll(async () => {
    await clamd?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers PING on a socket only its user can use, with the configuration written for it', async () => {
    expect(clamd.running).toBe(true);
    expect(target).toEqual({ kind: 'unix', path: join(workDir, 'clamd.sock') });
    await client.ping();
    expect((await stat(join(workDir, 'clamd.sock'))).mode & 0o777).toBe(0o600);
    expect((await stat(workDir)).mode & 0o777).toBe(0o700);
    const conf = await readFile(join(workDir, 'clamd.conf'), 'utf8');
    expect(conf).toContain(`DatabaseDirectory ${SIGNATURES_DIR}\n`);
    expect(conf).toContain(`StreamMaxLength ${STREAM_MAX_BYTES}\n`);
    expect(conf).not.toMatch(/^(TCPSocket|User|LogFile) /m);
    expect(log.lines.some((line) => /^log clamd ready in \d+ ms/.test(line))).toBe(true);
  });

  it('gives its engine version, and no database version with unofficial signatures only', async () => {
    const reply = await client.version();
    const version = parseClamdVersion(reply);
    expect(version.engine).toMatch(/^\d+\.\d+\.\d+$/);
    expect(version).toMatchObject({ databaseVersion: null, databaseDate: null });
  });

  it('finds a clean file clean', async () => {
    await expect(client.scan(streamOf(randomBytes(1024 * 1024)))).resolves.toEqual({ infected: false });
  });

  it('finds the project test string in the middle of 5 MB of random bytes, across a chunk boundary', async () => {
    const data = randomBytes(5 * 1024 * 1024);
    // 2.5 MiB is a multiple of the 64 KiB chunk: the string straddles two chunks.
    TEST_STRING.copy(data, 2.5 * 1024 * 1024 - 20);
    await expect(client.scan(streamOf(data))).resolves.toEqual({ infected: true, signature: 'VisioMsap.Test.Signature.UNOFFICIAL' });
  });

  it('finds the EICAR test file', async () => {
    await expect(client.scan(streamOf(EICAR))).resolves.toEqual({ infected: true, signature: 'Eicar.Test.Signature.UNOFFICIAL' });
  });

  it('scans concurrent streams and tells each its own verdict', async () => {
    const files = Array.from({ length: 8 }, (_, index) => {
      const data = randomBytes(512 * 1024);
      if (index % 2 === 1) TEST_STRING.copy(data, 1000 * index);
      return data;
    });
    const verdicts = await Promise.all(files.map((data) => client.scan(streamOf(data, 32 * 1024))));
    expect(verdicts.map((verdict) => verdict.infected)).toEqual([false, true, false, true, false, true, false, true]);
  });

  it('scans a stream of exactly StreamMaxLength, and gives no verdict for one byte more', async () => {
    await expect(client.scan(streamOf(randomBytes(STREAM_MAX_BYTES), 256 * 1024))).resolves.toEqual({ infected: false });
    const error = await client.scan(streamOf(randomBytes(STREAM_MAX_BYTES + 1), 256 * 1024)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toMatch(/size limit exceeded|connection lost/);
  });

  it('leaves no copy of the scanned files in its temporary directory', async () => {
    await client.scan(streamOf(randomBytes(100_000)));
    // clamd removes its copy just after it replies.
    let left: string[] = [];
    const deadline = Date.now() + 2_000;
    while ((left = await readdir(join(workDir, 'tmp'))).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(left).toEqual([]);
  });

  it('describes the shipped signatures as test-only', async () => {
    await expect(describeSignatures(SIGNATURES_DIR)).resolves.toEqual({
      kind: 'test-only',
      files: [{ name: 'visio-msap-test.ndb', version: null, builtAt: null, signatures: 2 }],
      newestAt: null,
      ageDays: null,
    });
  });

  it('reports a clamd that dies, and starts again', async () => {
    const pid = clamd.pid!;
    process.kill(pid, 'SIGKILL');
    await until('onExit is called', () => exits.length === 1);
    expect(exits[0]).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(clamd.running).toBe(false);
    expect(log.lines.some((line) => line.startsWith('warn clamd stopped on its own (signal SIGKILL)'))).toBe(true);
    await expect(client.ping()).rejects.toBeInstanceOf(AntivirusUnavailableError);

    await clamd.start();
    expect(clamd.running).toBe(true);
    expect(clamd.pid).not.toBe(pid);
    await expect(client.scan(streamOf(EICAR))).resolves.toMatchObject({ infected: true });
  });

  it('stops a clamd left running by a previous server process on the same work directory', async () => {
    const orphanPid = clamd.pid!;
    const successor = embedded({ onExit: () => undefined });
    try {
      await successor.start();
      expect(isAlive(orphanPid)).toBe(false);
      expect(successor.pid).not.toBe(orphanPid);
      await expect(client.scan(streamOf(EICAR))).resolves.toMatchObject({ infected: true });
      // The first instance sees its clamd go as a death, as it would be for a real orphan's parent.
      await until('the first instance notices', () => !clamd.running);
    } finally {
      await successor.stop();
    }
    exits.length = 0;
    await clamd.start();
  });

  it('refuses to start without a database, with clamd’s own reason', async () => {
    const emptyDir = join(dir, 'empty-db');
    await mkdir(emptyDir);
    const other = embedded({ workDir: join(dir, 'other'), databaseDir: emptyDir });
    await expect(other.start()).rejects.toThrow(/clamd exited while starting \(exit code 1\):[\s\S]*No supported database files found/);
    expect(other.running).toBe(false);
  });

  it('says how to install clamd when the binary is missing', async () => {
    const missing = embedded({ workDir: join(dir, 'missing'), clamdBin: join(dir, 'no', 'clamd') });
    const error = await missing.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClamdNotInstalledError);
    expect((error as Error).message).toMatch(/apt-get install clamav-daemon.*CLAMD_URL/);
  });

  it('does not outlive a server process killed without stop()', async () => {
    const killedDir = join(dir, 'killed');
    const script = `
      const { EmbeddedClamd } = require('./server/src/documents/antivirus/embedded-clamd');
      const clamd = new EmbeddedClamd({ workDir: ${JSON.stringify(killedDir)}, databaseDir: ${JSON.stringify(SIGNATURES_DIR)}, streamMaxBytes: 1048576 });
      clamd.start().then(() => console.log('clamd pid ' + clamd.pid), (error) => { console.error(error); process.exit(1); });
      setInterval(() => undefined, 60000);`;
    const server = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (data: Buffer) => (output += data.toString()));
    server.stderr!.on('data', (data: Buffer) => (output += data.toString()));
    let clamdPid = 0;
    try {
      await until('the server process starts its clamd', () => /clamd pid \d+/.test(output) || server.exitCode !== null, 30_000);
      clamdPid = Number(/clamd pid (\d+)/.exec(output)?.[1]);
      expect(clamdPid).toBeGreaterThan(0);
      expect(runs(clamdPid)).toBe(true);
      server.kill('SIGKILL');
      await until('clamd goes with the killed server', () => !runs(clamdPid));
      // It got SIGTERM (not SIGKILL): it removed its socket itself.
      expect(existsSync(join(killedDir, 'clamd.sock'))).toBe(false);
    } finally {
      server.kill('SIGKILL');
      if (clamdPid > 0 && runs(clamdPid)) process.kill(clamdPid, 'SIGKILL');
    }
  });

  it('stop() leaves no process and no socket, and a scan then gets no verdict', async () => {
    const pid = clamd.pid!;
    expect(isAlive(pid)).toBe(true);
    await clamd.stop();
    expect(clamd.running).toBe(false);
    expect(clamd.pid).toBeNull();
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(workDir, 'clamd.sock'))).toBe(false);
    expect(exits).toEqual([]);
    const error = await client.scan(streamOf(EICAR)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AntivirusUnavailableError);
    expect((error as AntivirusUnavailableError).reason).toBe('cannot connect (ENOENT)');
  });
});
