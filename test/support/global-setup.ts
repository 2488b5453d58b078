import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase } from '../../server/src/database/embedded-database';

// Shared with global-teardown through the jest parent process.
declare global {
  var __VISIO_EMBEDDED_PG__: EmbeddedDatabase | undefined;
}

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Tests run against a real PostgreSQL: VISIO_TEST_PG_URL if given, else the server on
 * 127.0.0.1:5432 when it answers (as in CI), else (or with VISIO_TEST_PG=embedded) an embedded
 * server started for this run.
 * Each suite then creates its own database from this admin URL (test/support/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.VISIO_TEST_PG_URL) return;
  // VISIO_TEST_PG=embedded forces the fallback, to test it on a machine that has a local server.
  if (process.env.VISIO_TEST_PG !== 'embedded' && (await reachable(LOCAL_SERVER))) {
    process.env.VISIO_TEST_PG_URL = LOCAL_SERVER;
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'visio-test-pg-'));
  const embedded = new EmbeddedDatabase(dir, 54_000 + Math.floor(Math.random() * 1000));
  const url = await embedded.start();
  globalThis.__VISIO_EMBEDDED_PG__ = embedded;
  process.env.VISIO_TEST_PG_URL = url.replace(/\/[^/]+$/, '/postgres');
}
