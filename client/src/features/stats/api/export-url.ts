import type { ExportTable, StatsFilters } from '@shared/stats/indicators';
import { query } from '../../../lib/api';

/**
 * The address of an export of the current view (a download streamed by the server, same filters as the
 * page); in JSON the « indicators » table is the whole report, as GET /api/stats answers it.
 */
export const statsExportUrl = (filters: StatsFilters, format: 'csv' | 'json', table: ExportTable) =>
  `/api/stats/export${query({ format, table, ...filters })}`;
