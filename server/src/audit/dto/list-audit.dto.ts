import { Type } from 'class-transformer';
import { IsInt, IsNumberString, IsOptional, Max, Min } from 'class-validator';

export class ListAuditQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Returns events older than this id (cursor pagination). */
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  before?: string;
}
