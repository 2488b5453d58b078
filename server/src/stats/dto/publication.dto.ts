import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** PUT /api/stats/publications/:departement */
export class SetPublicationDto {
  @ApiProperty({ description: 'true: the département’s aggregated figures appear on the public page; false: they are withdrawn at once' })
  @IsBoolean({ message: 'published must be true or false' })
  published!: boolean;
}

/** GET /api/public/stats/:departement */
export class PublicStatsQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Calendar year (Paris time); default: the current one, up to today' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a year such as 2026' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(9999, { message: 'year must be a year such as 2026' })
  year?: number;
}

/** A département whose coordinators publish its aggregated figures. */
export class PublicationView {
  @ApiProperty({ example: '45' })
  departement!: string;

  @ApiProperty({ description: 'Whether the public page shows it' })
  published!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;
}
