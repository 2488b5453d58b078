import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';
import { CONSULTATION_STATUSES, ConsultationStatus } from '../entities/consultation.entity';

export class ListConsultationsQueryDto {
  @ApiProperty({ example: '2026-03-23T00:00:00+01:00' })
  @DateTimeWithOffset()
  from!: string;

  @ApiProperty({ example: '2026-03-30T00:00:00+02:00' })
  @DateTimeWithOffset()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'msapSiteId must be the id of an MSAP site' })
  msapSiteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'boothId must be the id of a booth' })
  boothId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'agentId must be the id of an agent' })
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'administrationId must be the id of an administration' })
  administrationId?: string;

  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES })
  @IsOptional()
  @IsIn(CONSULTATION_STATUSES, { message: `status must be one of ${CONSULTATION_STATUSES.join(', ')}` })
  status?: ConsultationStatus;
}
