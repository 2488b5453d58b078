import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TextField } from './directory-fields';

export class BoothNameDto {
  @TextField('name', 60, { example: 'Cabine 1' })
  name!: string;
}

export class ListBoothsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Also list retired booths (default false)' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeRetired must be true or false' })
  includeRetired?: 'true' | 'false';
}
