import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CandidateReport, MediaFailureReport } from '../../../../shared/signalling/protocol';

/** A browser gathers a handful of candidates; more is not a browser's report. */
const MAX_CANDIDATES = 32;

export class CandidateReportDto implements CandidateReport {
  @IsString()
  @MaxLength(16)
  type!: string;

  @IsString()
  @MaxLength(8)
  protocol!: string;

  // An IP address, an mDNS name (….local) or a TURN server's name.
  @IsString()
  @MaxLength(255)
  address!: string;

  @IsInt()
  @Min(0)
  @Max(65535)
  port!: number;
}

export class ReportMediaFailureDto implements MediaFailureReport {
  @IsUUID('4')
  transportId!: string;

  @IsIn(['timeout', 'failed'])
  state!: 'timeout' | 'failed';

  @IsString()
  @MaxLength(16)
  iceConnectionState!: string;

  @IsArray()
  @ArrayMaxSize(MAX_CANDIDATES)
  @ValidateNested({ each: true })
  @Type(() => CandidateReportDto)
  local!: CandidateReportDto[];

  @IsArray()
  @ArrayMaxSize(MAX_CANDIDATES)
  @ValidateNested({ each: true })
  @Type(() => CandidateReportDto)
  remote!: CandidateReportDto[];

  @IsInt()
  @Min(0)
  @Max(1000)
  pairs!: number;

  @IsInt()
  @Min(0)
  @Max(1000)
  succeededPairs!: number;
}
