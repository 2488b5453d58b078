import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class DeskQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for coordinators and admins; a facilitator’s is their own' })
  @IsOptional()
  @IsUUID('4', { message: 'siteId must be the id of a France Services site' })
  siteId?: string;

  @ApiPropertyOptional({ example: '2026-12-03', description: 'A day in Paris time (today by default)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day as YYYY-MM-DD' })
  date?: string;
}

export class SendDeskMessageDto {
  @ApiProperty({ maxLength: 280, example: 'Mme Martin vous attend en cabine depuis 10 minutes.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(280)
  body!: string;
}

export class ListDeskMessagesQueryDto {
  @ApiPropertyOptional({ example: '2026-12-03', description: 'A day in Paris time (today by default)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day as YYYY-MM-DD' })
  date?: string;
}
