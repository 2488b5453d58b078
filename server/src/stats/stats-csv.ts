import {
  INDICATORS,
  IndicatorId,
  IndicatorSection,
  IndicatorUnit,
  SERIES_COLUMNS,
  StatsReport,
  StatsSiteRow,
} from '../../../shared/stats/indicators';
import { csvCell } from '../common/http/csv';

/**
 * The statistics' CSV, as Excel in French opens it by a double click: UTF-8 with a byte-order mark
 * (else accents break), `;` between cells (the French list separator: a `,` file opens in one
 * column), CRLF, and decimal commas (`12,5`: with a point, Excel FR reads a text or a date). Numbers
 * never pass through the formula-injection guard (a negative number is a number, not a formula);
 * text does (common/http/csv.ts).
 */
export const CSV_BOM = '\uFEFF';

export const SECTION_LABELS_FR: Record<IndicatorSection, string> = {
  activity: 'Activité',
  occupancy: 'Occupation des cabines',
  timing: 'Délais, ponctualité et durées',
  quality: 'Qualité des appels',
  documents: 'Documents échangés',
  satisfaction: 'Satisfaction',
  support: 'Accompagnement par l’animateur',
  travel: 'Trajets évités',
};

export const UNIT_LABELS_FR: Record<IndicatorUnit, string> = {
  count: 'nombre',
  hours: 'heures',
  days: 'jours',
  minutes: 'minutes',
  ms: 'millisecondes',
  percent: '%',
  score: 'sur 10',
  mean: 'moyenne',
  km: 'km',
  kg: 'kg CO₂e',
};

export function statsCell(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return csvCell(value.map((v) => (typeof v === 'number' ? String(v).replace('.', ',') : v)));
  return csvCell(value);
}

export const csvLine = (cells: readonly unknown[]) => `${cells.map(statsCell).join(';')}\r\n`;

const table = (header: readonly string[], rows: ReadonlyArray<readonly unknown[]>) => CSV_BOM + csvLine(header) + rows.map(csvLine).join('');

/** One line per indicator of the catalogue, its value the report's own (never computed again here). */
export function indicatorsCsv(report: StatsReport): string {
  return table(
    ['id', 'section', 'libellé', 'valeur', 'unité', 'définition'],
    INDICATORS.map((i) => [i.id, SECTION_LABELS_FR[i.section], i.label, report.values[i.id as IndicatorId], UNIT_LABELS_FR[i.unit], i.definition]),
  );
}

/** One line per week (or month) of the series, its columns the API's. */
export function seriesCsv(report: StatsReport): string {
  return table(SERIES_COLUMNS, report.series.map((point) => SERIES_COLUMNS.map((c) => point[c])));
}

const SITE_COLUMNS = ['siteId', 'name', 'departement', 'booked', 'held', 'cancelled', 'occupancyHeld', 'satisfactionScore', 'heldSeries'] as const satisfies ReadonlyArray<keyof StatsSiteRow>;

/** One line per France Services site of the scope; `heldSeries` is the held consultations per bucket, `|`-separated. */
export function sitesCsv(report: StatsReport): string {
  return table(SITE_COLUMNS, report.sites.map((site) => SITE_COLUMNS.map((c) => site[c])));
}
