import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Which consultations: one agent's or one administration's, optionally at one MSAP, in a range. */
export class MassCancellationCriteriaDto {
  @IsOptional()
  @IsUUID('all', { message: 'agentId must be a UUID' })
  agentId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'administrationId must be a UUID' })
  administrationId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'msapSiteId must be a UUID' })
  msapSiteId?: string;

  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from!: string;

  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to!: string;
}

export class PreviewMassCancellationQueryDto extends MassCancellationCriteriaDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer from 1' })
  @Min(1, { message: 'page must be an integer from 1' })
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer from 1 to 500' })
  @Min(1, { message: 'pageSize must be an integer from 1 to 500' })
  @Max(500, { message: 'pageSize must be an integer from 1 to 500' })
  pageSize?: number;
}

export const MAX_MESSAGE_LENGTH = 480;

export class CreateMassCancellationDto extends MassCancellationCriteriaDto {
  /** Sent to every citizen (SMS text; e-mail body); placeholders such as {nom} and {date} allowed. */
  @IsString({ message: 'message must be a text' })
  @MaxLength(MAX_MESSAGE_LENGTH, { message: `message must be at most ${MAX_MESSAGE_LENGTH} characters` })
  message!: string;
}

export class ReportQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer from 1' })
  @Min(1, { message: 'page must be an integer from 1' })
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer from 1 to 1000' })
  @Min(1, { message: 'pageSize must be an integer from 1 to 1000' })
  @Max(1000, { message: 'pageSize must be an integer from 1 to 1000' })
  pageSize?: number;
}
