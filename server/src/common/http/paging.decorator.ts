import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional 1-based page number from the query string. */
export const PageNumber = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, default: 1 }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'page must be an integer from 1' }),
    Min(1, { message: 'page must be an integer from 1' }),
  );

/** An optional page size from the query string, 1 to `max` (each list bounds its own answers). */
export const PageSize = (max: number, defaultSize: number): PropertyDecorator => {
  const message = `pageSize must be an integer from 1 to ${max}`;
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: defaultSize }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message }),
    Min(1, { message }),
    Max(max, { message }),
  );
};
