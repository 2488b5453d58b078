import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase } from './database';

export const ROOT = join(__dirname, '..', '..');
/** The compiled server the browser tests start; TEST_SERVER_MAIN points at another build (one per engineer). */
export const MAIN = process.env.TEST_SERVER_MAIN ?? join(ROOT, 'dist', 'server', 'src', 'main.js');

export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npm run build' (npm test does it)`);
}

/**
 * A media port (base) for a test server or worker pool, random so ones still shutting down do not
 * collide. NOTE: below Linux's ephemeral range (32768 and up by default), where the machine's own
 * outgoing connections (PostgreSQL, Chromium) take their local ports: a port drawn there was
 * sometimes already bound, and the server or pool could not start.
 */
export const randomRtcPort = (): string => String(20_000 + Math.floor(Math.random() * 12_000));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Runs the built server as a real process, with exactly the given environment (plus PATH/HOME).
 * Unless `asStarted` (the settings a user gets from `npm start`), it logs warnings only and takes
 * media ports of its own, so that servers still shutting down never collide.
 */
export function runServer(env: Record<string, string>, { asStarted = false } = {}): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      ...(asStarted ? {} : { LOG_LEVEL: 'warn', RTC_PORT: randomRtcPort() }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls GET /api/health until it answers 200; returns the body and the time it took. */
export interface HealthBody {
  status: string;
  database: { status: string };
  media: { workers: number; alive: number; pids: number[] };
}

export async function waitHealthy(port: number, server: ServerProcess, timeoutMs = 60_000): Promise<{ body: HealthBody; ms: number }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return { body: (await res.json()) as HealthBody, ms: Date.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

/** The built server as a process on a fresh database of its own, with the demo data. */
export interface ServedApp {
  baseUrl: string;
  server: ServerProcess;
  /** Stops the server, then drops its database. */
  close(): Promise<void>;
}

export async function serveBuilt(env: Record<string, string>, options: { asStarted?: boolean; port?: number } = {}): Promise<ServedApp> {
  requireBuild();
  const db = await createTestDatabase();
  const port = options.port ?? (await freePort());
  const server = runServer({ DATABASE_URL: db.url, DEMO_SEED: '1', ...(options.port ? {} : { PORT: String(port) }), ...env }, { asStarted: options.asStarted });
  try {
    await waitHealthy(port, server);
  } catch (error) {
    server.child.kill('SIGKILL');
    await db.drop();
    throw error;
  }
  return {
    baseUrl: `http://${options.asStarted ? 'localhost' : '127.0.0.1'}:${port}`,
    server,
    async close() {
      server.child.kill('SIGTERM');
      await server.exited;
      await db.drop();
    },
  };
}
