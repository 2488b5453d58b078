/**
 * Writes docs/statistics.md from the indicator catalogue (npm run stats:doc). A unit test
 * (server/src/stats/statistics-doc.spec.ts) fails when the committed file differs.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultStatisticsDoc, STATISTICS_DOC_FILE } from '../server/src/stats/statistics-doc';

async function main(): Promise<void> {
  await writeFile(join(__dirname, '..', STATISTICS_DOC_FILE), defaultStatisticsDoc());
  process.stdout.write(`${STATISTICS_DOC_FILE} written\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
