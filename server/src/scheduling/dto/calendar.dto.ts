import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';

const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export class WeeklyRangeDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' })
  @IsInt({ message: 'weekday must be an integer from 1 (Monday) to 7 (Sunday)' })
  @Min(1, { message: 'weekday must be an integer from 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'weekday must be an integer from 1 (Monday) to 7 (Sunday)' })
  weekday!: number;

  @ApiProperty({ example: '09:00', description: 'Local time (Europe/Paris)' })
  @Matches(HHMM, { message: 'start must be a local time HH:mm' })
  start!: string;

  @ApiProperty({ example: '12:30', description: 'Local time (Europe/Paris), after start; 24:00 for midnight' })
  @Matches(HHMM, { message: 'end must be a local time HH:mm' })
  end!: string;
}

export class WeeklyScheduleDto {
  @ApiProperty({ type: [WeeklyRangeDto], description: 'Replaces the whole weekly schedule' })
  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRangeDto)
  ranges!: WeeklyRangeDto[];
}

export class UnavailabilityDto {
  @ApiProperty({ example: '2026-04-06T00:00:00+02:00' })
  @DateTimeWithOffset()
  startsAt!: string;

  @ApiProperty({ example: '2026-04-11T00:00:00+02:00' })
  @DateTimeWithOffset()
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Formation' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class DateRangeQueryDto {
  @ApiProperty()
  @DateTimeWithOffset()
  from!: string;

  @ApiProperty()
  @DateTimeWithOffset()
  to!: string;
}

/** Absences over a period: every agent the caller manages, or one of them. */
export class ListAbsencesQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One agent; when absent, every agent the caller manages' })
  @IsOptional()
  @IsUUID('4', { message: 'agentId must be the id of an agent' })
  agentId?: string;
}
