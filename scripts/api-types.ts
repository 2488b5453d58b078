/**
 * Writes the client's API types from the server's OpenAPI document (npm run api:types). The server
 * runs on a throw-away database of the PostgreSQL at VISIO_TEST_PG_URL (default: the local one).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_TYPES_FILE, currentApiDocument, renderApiTypes } from '../test/support/openapi';

async function main(): Promise<void> {
  process.env.VISIO_TEST_PG_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const text = await renderApiTypes(await currentApiDocument());
  await writeFile(join(__dirname, '..', API_TYPES_FILE), text);
  process.stdout.write(`${API_TYPES_FILE} written\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
