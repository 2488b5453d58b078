import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INDICATOR_IDS, LOSS_BUCKETS, RTT_BUCKETS } from '../../../../shared/stats/indicators';
import type { StatsQualityDistribution, StatsReport, StatsSeriesPoint, StatsSiteRow, TravelMethod } from '../../../../shared/stats/indicators';

// The OpenAPI description of shared/stats/indicators.ts's StatsReport (the type the server returns).

class StatsPeriodView {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ enum: ['week', 'month'] }) granularity!: 'week' | 'month';
}

class StatsFiltersView {
  @ApiPropertyOptional() departement?: string;
  @ApiPropertyOptional({ format: 'uuid' }) siteId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) administrationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) consultationTypeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) agentId?: string;
}

class StatsSeriesPointView implements StatsSeriesPoint {
  @ApiProperty({ example: '2026-01-05', description: 'Monday of the ISO week, or first day of the month' }) start!: string;
  @ApiProperty() booked!: number;
  @ApiProperty() held!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty() noShowCitizen!: number;
  @ApiProperty() noShowAgent!: number;
  @ApiProperty() surveyResponses!: number;
  @ApiProperty({ type: 'number', nullable: true }) satisfactionScore!: number | null;
}

class StatsSiteRowView implements StatsSiteRow {
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() departement!: string;
  @ApiProperty() booked!: number;
  @ApiProperty() held!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty({ type: 'number', nullable: true }) occupancyHeld!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) satisfactionScore!: number | null;
  @ApiProperty({ type: [Number], description: 'Held consultations per bucket of the series' }) heldSeries!: number[];
}

class RttBucketView {
  @ApiProperty({ enum: RTT_BUCKETS }) bucket!: (typeof RTT_BUCKETS)[number];
  @ApiProperty() calls!: number;
}

class LossBucketView {
  @ApiProperty({ enum: LOSS_BUCKETS }) bucket!: (typeof LOSS_BUCKETS)[number];
  @ApiProperty() calls!: number;
}

class StatsQualityView implements StatsQualityDistribution {
  @ApiProperty({ type: [RttBucketView] }) rtt!: RttBucketView[];
  @ApiProperty({ type: [LossBucketView] }) loss!: LossBucketView[];
}

class TravelMethodView implements TravelMethod {
  @ApiProperty({ example: 1.3 }) roadFactor!: number;
  @ApiProperty({ example: 0.218 }) co2KgPerKm!: number;
  @ApiProperty() source!: string;
}

export class StatsReportView implements StatsReport {
  @ApiProperty({ type: StatsPeriodView }) period!: StatsPeriodView;
  @ApiProperty({ type: StatsFiltersView, description: 'The filters applied, the viewer’s scope filled in' }) filters!: StatsFiltersView;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(INDICATOR_IDS.map((id) => [id, { type: 'number', nullable: true }])),
    description: 'One value per indicator of shared/stats/indicators.ts; null: no data to compute it from',
  })
  values!: StatsReport['values'];
  @ApiProperty({ type: [StatsSeriesPointView] }) series!: StatsSeriesPointView[];
  @ApiProperty({ type: [StatsSiteRowView] }) sites!: StatsSiteRowView[];
  @ApiProperty({ type: StatsQualityView }) quality!: StatsQualityView;
  @ApiProperty({ type: TravelMethodView }) travel!: TravelMethodView;
  @ApiProperty() computedAt!: string;
}

class NamedOption {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class SiteOption extends NamedOption {
  @ApiProperty() departement!: string;
}

class AdministrationOption extends NamedOption {
  @ApiProperty() departement!: string;
}

class TypeOption extends NamedOption {
  @ApiProperty({ format: 'uuid' }) administrationId!: string;
}

class AgentOption extends NamedOption {
  @ApiProperty({ format: 'uuid' }) administrationId!: string;
}

/** The filters a viewer may choose from: only what lies within their rights. */
export class StatsOptionsView {
  @ApiProperty({ type: [String] }) departements!: string[];
  @ApiProperty({ type: [SiteOption] }) sites!: SiteOption[];
  @ApiProperty({ type: [AdministrationOption] }) administrations!: AdministrationOption[];
  @ApiProperty({ type: [TypeOption] }) consultationTypes!: TypeOption[];
  @ApiProperty({ type: [AgentOption] }) agents!: AgentOption[];
  @ApiProperty({ type: StatsFiltersView, description: 'The filters the viewer cannot change (their département, site or agent id)' }) fixed!: StatsFiltersView;
}
