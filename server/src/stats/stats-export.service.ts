import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { ExportTable, StatsFilters, StatsReport } from '../../../shared/stats/indicators';
import { AuditService } from '../audit/audit.service';
import { UserPrincipal } from '../auth/principal';
import { CONSULTATION_EXPORT_COLUMNS, ConsultationExportValues, ConsultationsExport, ExportCursor } from './consultations-export';
import type { ExportFormat, ExportStatsQueryDto } from './dto/export-stats.dto';
import { CSV_BOM, csvLine, indicatorsCsv, seriesCsv, sitesCsv } from './stats-csv';
import { parsePeriod } from './stats-period';
import { StatsScopeResolver } from './stats-scope';
import { StatsService } from './stats.service';

/** A file ready to send: its body (whole, or a stream that reads the database as it is sent), type and name. */
export interface ExportFile {
  body: Buffer | Readable;
  type: string;
  filename: string;
}

const TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/**
 * The exports of a filtered view (GET /api/stats/export): the same rights and period checks as the
 * page, because the indicators, series and sites come from StatsService.report itself and the
 * consultations from the same scope and filter; each export is audited before its first byte.
 */
@Injectable()
export class StatsExportService {
  constructor(
    private readonly stats: StatsService,
    private readonly scopes: StatsScopeResolver,
    private readonly consultations: ConsultationsExport,
    private readonly audit: AuditService,
  ) {}

  async export(user: UserPrincipal, query: ExportStatsQueryDto, ip: string | null): Promise<ExportFile> {
    const { format, table, ...asked } = query;
    const filters: StatsFilters = asked;
    const filename = `statistiques-${table}-${filters.from}_${filters.to}.${format}`;
    if (table === 'consultations') {
      const period = parsePeriod(filters.from, filters.to);
      const scope = await this.scopes.resolve(user, filters);
      await this.audited(user, table, format, { from: filters.from, to: filters.to, ...scope.filters }, ip);
      const cursor = await this.consultations.open(scope, period);
      // One chunk (a FETCH's worth) read ahead while the previous one is sent, not Readable.from's 16.
      const body = Readable.from(format === 'csv' ? csvLines(cursor) : jsonLines(cursor), { highWaterMark: 1 });
      // Whether the file was read to its end or the download dropped, the cursor's connection goes back to the pool.
      body.once('close', () => void cursor.close());
      return { body, type: TYPES[format], filename };
    }
    const report = await this.stats.report(user, filters);
    await this.audited(user, table, format, { from: report.period.from, to: report.period.to, ...report.filters }, ip);
    return { body: Buffer.from(format === 'json' ? jsonOf(report, table) : csvOf(report, table)), type: TYPES[format], filename };
  }

  private audited(user: UserPrincipal, table: ExportTable, format: ExportFormat, filters: Record<string, string | undefined>, ip: string | null): Promise<void> {
    return this.audit.record({
      action: 'stats.exported',
      actorUserId: user.userId,
      ...(filters.departement && !filters.siteId ? { subjectType: 'departement', subjectId: filters.departement } : {}),
      ...(filters.siteId ? { subjectType: 'msap_site', subjectId: filters.siteId } : {}),
      ip,
      details: { table, format, filters },
    });
  }
}

function csvOf(report: StatsReport, table: Exclude<ExportTable, 'consultations'>): string {
  if (table === 'series') return seriesCsv(report);
  if (table === 'sites') return sitesCsv(report);
  return indicatorsCsv(report);
}

/** JSON: the report as GET /api/stats answers it, or the part of it the table names. */
function jsonOf(report: StatsReport, table: Exclude<ExportTable, 'consultations'>): string {
  if (table === 'series') return JSON.stringify({ period: report.period, filters: report.filters, series: report.series });
  if (table === 'sites') return JSON.stringify({ period: report.period, filters: report.filters, sites: report.sites });
  return JSON.stringify(report);
}

/**
 * The file's chunks, one per FETCH. A batch's rows are read and formatted in `chunkOf`, which
 * returns only the text: no rows stay referenced while the generator waits (at a yield, while the
 * download drains, or on the next FETCH), so they die young. (The RSS bound itself comes from the
 * server's old-generation limit: see scripts/start.sh.)
 */
async function* chunks(cursor: ExportCursor, format: (rows: ConsultationExportValues[]) => string): AsyncGenerator<string> {
  for (let chunk = await chunkOf(cursor, format); chunk !== null; chunk = await chunkOf(cursor, format)) yield chunk;
}

async function chunkOf(cursor: ExportCursor, format: (rows: ConsultationExportValues[]) => string): Promise<string | null> {
  const rows = await cursor.next();
  return rows.length > 0 ? format(rows) : null;
}

const csvRows = (rows: ConsultationExportValues[]) => rows.map(csvLine).join('');

/** A JSON line: the row as an object keyed by the columns, in their order. */
function jsonRow(values: ConsultationExportValues): string {
  const row: Record<string, unknown> = {};
  CONSULTATION_EXPORT_COLUMNS.forEach((column, i) => (row[column] = values[i]));
  return JSON.stringify(row);
}

async function* csvLines(cursor: ExportCursor): AsyncGenerator<string> {
  try {
    yield CSV_BOM + csvLine(CONSULTATION_EXPORT_COLUMNS);
    yield* chunks(cursor, csvRows);
  } finally {
    await cursor.close();
  }
}

async function* jsonLines(cursor: ExportCursor): AsyncGenerator<string> {
  try {
    let first = true;
    yield '[';
    for await (const chunk of chunks(cursor, (rows) => rows.map(jsonRow).join(',\n'))) {
      yield (first ? '\n' : ',\n') + chunk;
      first = false;
    }
    yield '\n]\n';
  } finally {
    await cursor.close();
  }
}
