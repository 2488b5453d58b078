import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DateTimeWithOffset } from '../../../common/http/date-time.decorator';
import { PageNumber, PageSize } from '../../../common/http/paging.decorator';

/** Which consultations: one agent's or one administration's, optionally at one MSAP, in a range. */
export class MassCancellationCriteriaDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An agent, or give administrationId' })
  @IsOptional()
  @IsUUID('all', { message: 'agentId must be a UUID' })
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'administrationId must be a UUID' })
  administrationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'msapSiteId must be a UUID' })
  msapSiteId?: string;

  @ApiProperty({ example: '2026-03-30T00:00:00+02:00' })
  @DateTimeWithOffset()
  from!: string;

  @ApiProperty({ example: '2026-04-04T00:00:00+02:00', description: 'At most one year after from' })
  @DateTimeWithOffset()
  to!: string;
}

export class PreviewMassCancellationQueryDto extends MassCancellationCriteriaDto {
  @PageNumber()
  page?: number;

  @PageSize(500, 50)
  pageSize?: number;
}

export const MAX_MESSAGE_LENGTH = 480;

export class CreateMassCancellationDto extends MassCancellationCriteriaDto {
  /** Sent to every citizen (SMS text; e-mail body); placeholders such as {nom} and {date} allowed. */
  @ApiProperty({ maxLength: 480, example: 'Bonjour {nom}, votre rendez-vous du {date} à {msap} est annulé. Nous vous rappellerons.' })
  @IsString({ message: 'message must be a text' })
  @MaxLength(MAX_MESSAGE_LENGTH, { message: `message must be at most ${MAX_MESSAGE_LENGTH} characters` })
  message!: string;
}

export const MAX_MESSAGE_PREVIEWS = 20;

/** The message step: the message checked, and rendered for the first citizens of the selection. */
export class PreviewMassCancellationMessageDto extends CreateMassCancellationDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MESSAGE_PREVIEWS, default: 5, description: 'How many citizens, in time order' })
  @IsOptional()
  @IsInt({ message: `count must be an integer from 1 to ${MAX_MESSAGE_PREVIEWS}` })
  @Min(1, { message: `count must be an integer from 1 to ${MAX_MESSAGE_PREVIEWS}` })
  @Max(MAX_MESSAGE_PREVIEWS, { message: `count must be an integer from 1 to ${MAX_MESSAGE_PREVIEWS}` })
  count?: number;
}

export class ReportQueryDto {
  @PageNumber()
  page?: number;

  @PageSize(1000, 200)
  pageSize?: number;
}
