import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPORT_TABLES, ExportTable } from '../../../../shared/stats/indicators';
import { StatsQueryDto } from './stats-query.dto';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** GET /api/stats/export: the same period and filters as GET /api/stats, the table and the file's format. */
export class ExportStatsQueryDto extends StatsQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'csv: UTF-8 with BOM, `;` between cells, decimal commas (as Excel in French opens it); json: the same figures as GET /api/stats' })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;

  @ApiProperty({
    enum: EXPORT_TABLES,
    description: 'indicators: one line per indicator; series: one per week or month; sites: one per France Services site; consultations: one anonymous line per consultation',
  })
  @IsIn(EXPORT_TABLES, { message: `table must be one of ${EXPORT_TABLES.join(', ')}` })
  table!: ExportTable;
}
