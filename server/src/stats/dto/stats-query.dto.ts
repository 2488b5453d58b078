import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { DepartementField } from '../../directory/dto/directory-fields';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A scope of the viewer's rights: filters outside it are refused (403 OUTSIDE_SCOPE), not emptied. */
export class StatsScopeQueryDto {
  @DepartementField({ optional: true })
  departement?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A France Services site' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be the id of a France Services site' })
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'administrationId must be the id of an administration' })
  administrationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'consultationTypeId must be the id of a consultation type' })
  consultationTypeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An agent (agents: only themselves, the default)' })
  @IsOptional()
  @IsUUID('all', { message: 'agentId must be the id of an agent' })
  agentId?: string;
}

/** GET /api/stats: a period of Paris days (both included, three years at most) and the filters. */
export class StatsQueryDto extends StatsScopeQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'First day, Paris time' })
  @Matches(DAY, { message: 'from must be a day as YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day, included, Paris time' })
  @Matches(DAY, { message: 'to must be a day as YYYY-MM-DD' })
  to!: string;
}
