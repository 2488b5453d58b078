import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { freePort } from './process';

export interface Coturn {
  port: number;
  secret: string;
  /** The UDP ports coturn relays from: what the SFU sees as the browsers' addresses. */
  relayPorts: { min: number; max: number };
  output(): string;
  stop(): Promise<void>;
}

const TURNSERVER = '/usr/bin/turnserver';

/**
 * Debian's coturn on loopback, with the REST-API shared secret the server signs credentials with.
 * Loopback peers are allowed (the SFU listens on 127.0.0.1 in tests); TLS is off here: Chromium
 * checks a TURN server's certificate like a web site's, and a test has no trusted one.
 */
export async function startCoturn(): Promise<Coturn> {
  const port = await freePort();
  const min = 50_000 + Math.floor(Math.random() * 10_000);
  const relayPorts = { min, max: min + 40 };
  const secret = randomBytes(24).toString('hex');
  let output = '';
  const child: ChildProcess = spawn(
    TURNSERVER,
    [
      '-n',
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      `--min-port=${relayPorts.min}`,
      `--max-port=${relayPorts.max}`,
      '--allow-loopback-peers',
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=visio-msap.test',
      '--fingerprint',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`turnserver exited at start:\n${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`turnserver did not listen on ${port}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    secret,
    relayPorts,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
