import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
/** Steps that divide an hour land on the same local minutes in winter and in summer time. */
export const SLOT_STEPS = [5, 10, 15, 20, 30, 60] as const;

export class SearchSlotsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Gives the duration and the administration' })
  @IsUUID('4', { message: 'consultationTypeId must be the id of a consultation type' })
  consultationTypeId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Must match the type; implied by it when absent' })
  @IsOptional()
  @IsUUID('4', { message: 'administrationId must be the id of an administration' })
  administrationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One agent instead of every agent of the administration' })
  @IsOptional()
  @IsUUID('4', { message: 'agentId must be the id of an agent' })
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Every booth of this MSAP (or give boothId)' })
  @IsOptional()
  @IsUUID('4', { message: 'msapSiteId must be the id of an MSAP site' })
  msapSiteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'boothId must be the id of a booth' })
  boothId?: string;

  @ApiProperty({ example: '2026-03-23T00:00:00+01:00' })
  @DateTimeWithOffset()
  from!: string;

  @ApiProperty({ example: '2026-04-06T00:00:00+02:00' })
  @DateTimeWithOffset()
  to!: string;

  @ApiPropertyOptional({ enum: SLOT_STEPS, default: 15 })
  @IsOptional()
  @Transform(toInt)
  @IsIn(SLOT_STEPS, { message: `stepMinutes must be one of ${SLOT_STEPS.join(', ')}` })
  stepMinutes?: number;

  @ApiPropertyOptional({ default: 500, maximum: 2000 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(2000)
  limit?: number;
}
