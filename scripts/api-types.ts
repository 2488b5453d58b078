/**
 * Writes the client's API types from the server's OpenAPI document (npm run api:types), or with
 * --check only compares them and fails naming the first differing line. The server runs on a
 * throw-away database of the PostgreSQL at VISIO_TEST_PG_URL (default: the local one).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_TYPES_FILE, currentApiDocument, renderApiTypes } from '../test/support/openapi';

async function main(): Promise<number> {
  process.env.VISIO_TEST_PG_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const file = join(__dirname, '..', API_TYPES_FILE);
  const text = await renderApiTypes(await currentApiDocument());
  if (!process.argv.includes('--check')) {
    await writeFile(file, text);
    process.stdout.write(`${API_TYPES_FILE} written\n`);
    return 0;
  }
  const committed = (await readFile(file, 'utf8')).split('\n');
  const expected = text.split('\n');
  const line = committed.findIndex((l, i) => l !== expected[i]);
  if (line === -1 && committed.length === expected.length) {
    process.stdout.write(`${API_TYPES_FILE} is up to date\n`);
    return 0;
  }
  const at = line === -1 ? Math.min(committed.length, expected.length) : line;
  process.stderr.write(`${API_TYPES_FILE} differs from the server's document at line ${at + 1}:\n  file:   ${committed[at]}\n  server: ${expected[at]}\nRun npm run api:types.\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
