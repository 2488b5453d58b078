import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDICATORS } from '../../../shared/stats/indicators';
import { defaultStatisticsDoc, STATISTICS_DOC_FILE } from './statistics-doc';

describe('docs/statistics.md', () => {
  const committed = readFileSync(join(__dirname, '..', '..', '..', STATISTICS_DOC_FILE), 'utf8');

  it('is the one generated from the catalogue (run npm run stats:doc after changing an indicator)', () => {
    expect(committed).toBe(defaultStatisticsDoc());
  });

  it('documents every indicator with its label and definition', () => {
    for (const indicator of INDICATORS) expect(committed).toContain(`| \`${indicator.id}\` | ${indicator.label} |`);
  });
});
