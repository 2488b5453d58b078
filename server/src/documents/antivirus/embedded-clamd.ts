import { spawn, type ChildProcess } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ClamdClient, DEFAULT_IDLE_TIMEOUT_MS, type ClamdTarget } from './clamd-client';

export const DEFAULT_CLAMD_BIN = '/usr/sbin/clamd';
// util-linux (essential in Debian): runs clamd with a parent-death signal, see spawn().
const SETPRIV_BIN = '/usr/bin/setpriv';

// clamd's own defaults for these limits: kept as floors, raised when uploads may be larger.
const CLAMD_DEFAULT_MAX_FILE_SIZE = 100 * 1024 * 1024;
const CLAMD_DEFAULT_MAX_SCAN_SIZE = 400 * 1024 * 1024;
// Below the client's idle timeout, so that a long scan ends in a verdict from clamd, not a timeout here.
const MAX_SCAN_TIME_MS = DEFAULT_IDLE_TIMEOUT_MS - 10_000;
// sun_path holds 108 bytes with the final NUL.
const MAX_SOCKET_PATH_BYTES = 107;
const OUTPUT_TAIL_CHARS = 4000;
const READY_POLL_MS = 100;
// Every 10 minutes, and detections (the caller logs them, with the document they concern).
const QUIET_LINE = /^SelfCheck: Database status OK\.$|^instream\(/;

export interface EmbeddedClamdLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface ClamdExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines clamd wrote. */
  output: string;
}

export interface EmbeddedClamdOptions {
  /** Holds clamd.conf, the socket, the pid file and clamd's temporary copies of scanned files. */
  workDir: string;
  databaseDir: string;
  /** The largest stream to scan (clamd's StreamMaxLength): at least the upload limit. */
  streamMaxBytes: number;
  clamdBin?: string;
  logger?: EmbeddedClamdLogger;
  /** clamd stopped on its own after it was ready (not after stop()): start() may be called again. */
  onExit?: (exit: ClamdExit) => void;
  /** Until PING answers (official databases take tens of seconds to load). */
  readyTimeoutMs?: number;
  /** Between SIGTERM and SIGKILL. */
  stopTimeoutMs?: number;
}

/** The clamd binary is not there: install Debian's clamav-daemon, or point CLAMD_URL at a clamd. */
export class ClamdNotInstalledError extends Error {
  constructor(readonly bin: string) {
    super(`clamd is not installed (${bin} not found): run 'apt-get install clamav-daemon', or set CLAMD_URL to a running clamd`);
    this.name = 'ClamdNotInstalledError';
  }
}

interface Instance {
  child: ChildProcess;
  exited: Promise<ClamdExit>;
  exit: ClamdExit | null;
  ready: boolean;
  stopping: boolean;
}

/**
 * A clamd run by the server itself, with a configuration of its own (the system's clamd.conf and
 * service are not used), reached on a Unix socket in workDir.
 * NOTE: clamd runs as the server's user. Run as root, it is not switched to 'clamav' (User): clamd
 * binds its socket after dropping privileges, so that would need a socket directory owned by
 * 'clamav' and a database path it can read; the container image runs the server unprivileged.
 */
export class EmbeddedClamd {
  private instance: Instance | null = null;
  private starting: Promise<ClamdTarget> | null = null;
  // Bumped by stop(): a start() still in progress notices and gives up.
  private generation = 0;
  private output = '';
  private readonly bin: string;
  private readonly socketPath: string;
  private readonly pidFile: string;
  private readonly confFile: string;
  private readonly tmpDir: string;

  constructor(private readonly options: EmbeddedClamdOptions) {
    this.bin = options.clamdBin ?? DEFAULT_CLAMD_BIN;
    this.socketPath = join(options.workDir, 'clamd.sock');
    this.pidFile = join(options.workDir, 'clamd.pid');
    this.confFile = join(options.workDir, 'clamd.conf');
    this.tmpDir = join(options.workDir, 'tmp');
  }

  /** True from a successful start() until clamd exits or stop() is called. */
  get running(): boolean {
    return this.instance?.ready === true && this.instance.exit === null;
  }

  /** The running clamd's process id (null when none runs). */
  get pid(): number | null {
    return this.instance?.exit === null ? (this.instance.child.pid ?? null) : null;
  }

  get target(): ClamdTarget {
    return { kind: 'unix', path: this.socketPath };
  }

  /** Starts clamd and resolves once it answers PING; concurrent calls share one start. */
  start(): Promise<ClamdTarget> {
    if (this.running) return Promise.resolve(this.target);
    this.starting ??= this.launch(this.generation).finally(() => (this.starting = null));
    return this.starting;
  }

  /** Stops clamd (SIGTERM, then SIGKILL after stopTimeoutMs) and removes its socket. */
  async stop(): Promise<void> {
    this.generation++;
    await this.starting?.catch(() => undefined);
    const instance = this.instance;
    if (instance) await this.terminate(instance);
    await rm(this.socketPath, { force: true });
    await rm(this.pidFile, { force: true });
  }

  private async launch(generation: number): Promise<ClamdTarget> {
    const cancelled = () => generation !== this.generation;
    await this.prepare();
    if (cancelled()) throw new Error('clamd start cancelled by stop()');

    this.output = '';
    const startedAt = Date.now();
    const instance = this.spawn();
    this.instance = instance;
    const client = new ClamdClient(this.target, { connectTimeoutMs: 1_000, idleTimeoutMs: 5_000 });
    const deadline = startedAt + (this.options.readyTimeoutMs ?? 60_000);
    for (;;) {
      if (instance.exit) throw new Error(`clamd exited while starting (${describeExit(instance.exit)}): ${instance.exit.output}`);
      if (cancelled()) {
        await this.terminate(instance);
        throw new Error('clamd start cancelled by stop()');
      }
      if (await this.answers(client, instance)) break;
      if (Date.now() > deadline) {
        await this.terminate(instance);
        throw new Error(`clamd did not answer within ${Date.now() - startedAt} ms: ${this.output}`);
      }
      await Promise.race([delay(READY_POLL_MS), instance.exited]);
    }
    instance.ready = true;
    this.options.logger?.log(`clamd ready in ${Date.now() - startedAt} ms on ${this.socketPath} (signatures: ${this.options.databaseDir})`);
    return this.target;
  }

  private async prepare(): Promise<void> {
    const { workDir, databaseDir, streamMaxBytes } = this.options;
    try {
      await access(this.bin, constants.X_OK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ClamdNotInstalledError(this.bin);
      throw new Error(`clamd at ${this.bin} cannot be run: ${(error as Error).message}`);
    }
    if (!Number.isSafeInteger(streamMaxBytes) || streamMaxBytes < 1) throw new RangeError('streamMaxBytes must be a positive integer');
    for (const path of [workDir, databaseDir]) {
      // One setting per line in clamd.conf: a line break in a path would add settings.
      if (/[\r\n\0]/.test(path)) throw new Error(`Invalid path for clamd: ${JSON.stringify(path)}`);
    }
    if (Buffer.byteLength(this.socketPath) > MAX_SOCKET_PATH_BYTES) {
      throw new Error(`clamd's socket path ${this.socketPath} is longer than ${MAX_SOCKET_PATH_BYTES} bytes: choose a shorter DATA_DIR`);
    }
    if (process.getuid?.() === 0) this.options.logger?.warn('clamd runs as root because the server does: run the server as an unprivileged user');

    await mkdir(workDir, { recursive: true, mode: 0o700 });
    await this.stopOrphan();
    // Temporary copies of scanned files left by a clamd that was killed: citizens' papers, not kept.
    await rm(this.tmpDir, { recursive: true, force: true });
    await mkdir(this.tmpDir, { mode: 0o700 });
    await writeFile(this.confFile, this.configuration(), { mode: 0o600 });
  }

  /** The configuration written at each start; read by no one else. */
  configuration(): string {
    const { databaseDir, streamMaxBytes } = this.options;
    return [
      '# Written by the Visio MSAP server at each start of its clamd (EmbeddedClamd): edits are lost.',
      'Foreground yes',
      // No LogFile: clamd then logs to its standard output (LogFile /dev/stderr fails: it will not follow the link).
      `LocalSocket ${this.socketPath}`,
      'LocalSocketMode 600',
      'FixStaleSocket yes',
      `PidFile ${this.pidFile}`,
      `TemporaryDirectory ${this.tmpDir}`,
      `DatabaseDirectory ${databaseDir}`,
      `StreamMaxLength ${streamMaxBytes}`,
      `MaxFileSize ${Math.max(streamMaxBytes, CLAMD_DEFAULT_MAX_FILE_SIZE)}`,
      `MaxScanSize ${Math.max(4 * streamMaxBytes, CLAMD_DEFAULT_MAX_SCAN_SIZE)}`,
      `MaxScanTime ${MAX_SCAN_TIME_MS}`,
      // Past a limit clamd stops scanning and answers OK; this makes it a detection (Heuristics.Limits.Exceeded.*).
      'AlertExceedsMax yes',
      // Databases copied into the directory by the operator are loaded within 10 minutes.
      'SelfCheck 600',
      // A concurrent reload holds two copies of the official databases (about 2 GB) for a while.
      'ConcurrentDatabaseReload no',
      '',
    ].join('\n');
  }

  private spawn(): Instance {
    const clamd = [this.bin, '-c', this.confFile];
    // NOTE: clamd ignores SIGPIPE and outlives a server killed without stop() (measured: it kept
    // answering for good). setpriv makes the kernel send it SIGTERM when the server dies, then execs
    // clamd (same pid). Without setpriv, the next start() stops such an orphan (stopOrphan).
    const [command, ...args] = existsSync(SETPRIV_BIN) ? [SETPRIV_BIN, '--pdeathsig', 'TERM', ...clamd] : clamd;
    const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<ClamdExit>((resolve) => {
      // 'error' alone (spawn failed) is followed by 'close', as is 'exit' once the pipes are read out.
      child.once('error', (error) => this.record(`spawn failed: ${error.message}`));
      child.once('close', (code, signal) => resolve({ code, signal, output: this.output }));
    });
    const instance: Instance = { child, exited, exit: null, ready: false, stopping: false };
    // Without LogFile clamd logs to stdout (its start-up banner, reloads) and writes errors and warnings to stderr.
    onLines(child.stdout!, (line) => {
      this.record(line);
      if (instance.ready && !QUIET_LINE.test(line)) this.options.logger?.log(`clamd: ${line}`);
    });
    onLines(child.stderr!, (line) => {
      this.record(line);
      this.options.logger?.warn(`clamd: ${line}`);
    });
    void exited.then((exit) => {
      instance.exit = exit;
      if (this.instance === instance) this.instance = null;
      if (instance.ready && !instance.stopping) {
        this.options.logger?.warn(`clamd stopped on its own (${describeExit(exit)}): ${exit.output}`);
        this.options.onExit?.(exit);
      }
    });
    return instance;
  }

  /** PING answers, from our own clamd (its pid file names it: another one could hold the socket). */
  private async answers(client: ClamdClient, instance: Instance): Promise<boolean> {
    try {
      await client.ping();
    } catch {
      return false;
    }
    return (await readFile(this.pidFile, 'utf8').catch(() => '')).trim() === String(instance.child.pid);
  }

  private async terminate(instance: Instance): Promise<void> {
    instance.stopping = true;
    if (instance.exit) return;
    instance.child.kill('SIGTERM');
    const stopTimeoutMs = this.options.stopTimeoutMs ?? 5_000;
    if (!(await settlesWithin(instance.exited, stopTimeoutMs))) {
      this.options.logger?.warn(`clamd did not stop within ${stopTimeoutMs} ms of SIGTERM: killed`);
      instance.child.kill('SIGKILL');
      await instance.exited;
    }
  }

  /**
   * A clamd left running by a server process that died without stop() (its pid file is still there
   * and it runs our configuration): it would answer in place of the new one, with old settings.
   */
  private async stopOrphan(): Promise<void> {
    const pid = Number((await readFile(this.pidFile, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(pid) || pid <= 1 || !(await this.runsOurConfiguration(pid))) return;
    this.options.logger?.warn(`stopping clamd ${pid} left running by a previous server process`);
    signal(pid, 'SIGTERM');
    const deadline = Date.now() + (this.options.stopTimeoutMs ?? 5_000);
    while ((await this.runsOurConfiguration(pid)) && Date.now() < deadline) await delay(READY_POLL_MS);
    if (await this.runsOurConfiguration(pid)) signal(pid, 'SIGKILL');
  }

  /** The process exists and is a clamd on our clamd.conf (a pid can be reused; a zombie has no command line). */
  private async runsOurConfiguration(pid: number): Promise<boolean> {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    return commandLine.split('\0').includes(this.confFile);
  }

  private record(line: string): void {
    this.output = `${this.output}${line}\n`.slice(-OUTPUT_TAIL_CHARS);
  }
}

function onLines(stream: Readable, handle: (line: string) => void): void {
  let partial = '';
  stream.setEncoding('utf8').on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.trim()) handle(line.trim());
  });
  stream.on('end', () => {
    if (partial.trim()) handle(partial.trim());
  });
}

function describeExit(exit: ClamdExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
