import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { freePort } from './process';

export interface Coturn {
  port: number;
  /** TURN over TLS ('turns:'), when started with `tls`. */
  tlsPort: number | null;
  secret: string;
  /** The UDP ports coturn relays from: what the SFU sees as the browsers' addresses. */
  relayPorts: { min: number; max: number };
  output(): string;
  stop(): Promise<void>;
}

const TURNSERVER = '/usr/bin/turnserver';

/** A throw-away self-signed certificate for the TURN server's TLS listener. */
function selfSignedCertificate(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'visio-turn-'));
  const cert = join(dir, 'turn.crt');
  const key = join(dir, 'turn.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=turn.visio-msap.test'], {
    stdio: 'ignore',
  });
  return { cert, key };
}

/**
 * Debian's coturn on loopback, with the REST-API shared secret the server signs credentials with.
 * Loopback peers are allowed (the SFU listens on 127.0.0.1 in tests). With `tls`, it also listens
 * for TURN over TLS with a self-signed certificate (the browser must then ignore certificate errors).
 */
export async function startCoturn(options: { tls?: boolean } = {}): Promise<Coturn> {
  const port = await freePort();
  const tlsPort = options.tls ? await freePort() : null;
  const tlsArgs = tlsPort === null ? ['--no-tls'] : (({ cert, key }) => [`--tls-listening-port=${tlsPort}`, `--cert=${cert}`, `--pkey=${key}`])(selfSignedCertificate());
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
      ...tlsArgs,
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
    tlsPort,
    secret,
    relayPorts,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
