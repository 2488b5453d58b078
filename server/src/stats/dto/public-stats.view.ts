import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_IDS } from '../../../../shared/stats/indicators';
import type { IndicatorId, PublicStatsReport, PublicStatsSeriesPoint, TravelMethod } from '../../../../shared/stats/indicators';

// The OpenAPI description of shared/stats/indicators.ts's PublicStatsReport.

class PublicStatsPeriodView {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ enum: ['week', 'month'] }) granularity!: 'week' | 'month';
}

const hidden = { type: 'number', nullable: true, description: 'null: below the threshold (suppressed)' } as const;

class PublicStatsSeriesPointView implements PublicStatsSeriesPoint {
  @ApiProperty({ example: '2026-01-05', description: 'Monday of the ISO week, or first day of the month' }) start!: string;
  @ApiProperty(hidden) booked!: number | null;
  @ApiProperty(hidden) held!: number | null;
  @ApiProperty(hidden) cancelled!: number | null;
  @ApiProperty(hidden) noShowCitizen!: number | null;
  @ApiProperty(hidden) noShowAgent!: number | null;
  @ApiProperty(hidden) surveyResponses!: number | null;
  @ApiProperty(hidden) satisfactionScore!: number | null;
}

class PublicTravelMethodView implements TravelMethod {
  @ApiProperty({ example: 1.3 }) roadFactor!: number;
  @ApiProperty({ example: 0.218 }) co2KgPerKm!: number;
  @ApiProperty() source!: string;
}

export class PublicStatsReportView implements PublicStatsReport {
  @ApiProperty({ example: '45' }) departement!: string;
  @ApiProperty({ type: PublicStatsPeriodView }) period!: PublicStatsPeriodView;
  @ApiProperty({ description: 'Counts from 1 to this minus one, and figures computed over fewer, are suppressed' }) minCount!: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(INDICATOR_IDS.map((id) => [id, { type: 'number', nullable: true }])),
    description: 'One value per indicator; null: no data, or suppressed (then listed in `suppressed`)',
  })
  values!: PublicStatsReport['values'];
  @ApiProperty({ type: 'string', isArray: true, enum: INDICATOR_IDS, enumName: 'IndicatorId' }) suppressed!: IndicatorId[];
  @ApiProperty({ type: [PublicStatsSeriesPointView] }) series!: PublicStatsSeriesPointView[];
  @ApiProperty({ type: PublicTravelMethodView }) travel!: PublicTravelMethodView;
  @ApiProperty() computedAt!: string;
}
