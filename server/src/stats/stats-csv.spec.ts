import { INDICATORS, IndicatorValues, StatsReport } from '../../../shared/stats/indicators';
import { csvLine, indicatorsCsv, statsCell } from './stats-csv';

describe('statistics CSV (Excel in French)', () => {
  it('writes decimal commas, keeps negative numbers numbers, says oui/non, and disarms formulas in text', () => {
    expect(csvLine([12.5, -3, 0, null, true, false, '=HYPERLINK("x")', 'a;b'])).toBe(`12,5;-3;0;;oui;non;"'=HYPERLINK(""x"")";"a;b"\r\n`);
    expect(statsCell(Number.NaN)).toBe('');
    expect(statsCell([1.5, 2])).toBe('1,5|2');
  });

  it('writes one line per indicator of the catalogue, in its order, with the report’s value', () => {
    const values = Object.fromEntries(INDICATORS.map((i, n) => [i.id, n % 3 === 0 ? null : n + 0.25])) as IndicatorValues;
    const csv = indicatorsCsv({ values } as StatsReport);
    expect(csv.startsWith('\uFEFFid;section;libellé;valeur;unité;définition\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(INDICATORS.length);
    expect(lines[1]!.startsWith(`${INDICATORS[1]!.id};Activité;${INDICATORS[1]!.label};1,25;nombre;`)).toBe(true);
    expect(lines[0]!.split(';')[3]).toBe('');
  });
});
