import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const CHECK_OUTCOMES = ['passed', 'warning', 'failed'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];
const PART_RESULTS = ['passed', 'failed', 'pending'] as const;
const ROUTES = ['udp', 'tcp', 'relay', 'none'] as const;

/**
 * The result of the booth's pre-call check, for the facilitator's desk: the citizen's screen keeps
 * it simple, the details (route, round trip, upload rate) go to the facilitator.
 */
export class BoothCheckDto {
  @ApiProperty({ enum: CHECK_OUTCOMES })
  @IsIn(CHECK_OUTCOMES)
  outcome!: CheckOutcome;

  @ApiProperty({ enum: PART_RESULTS })
  @IsIn(PART_RESULTS)
  camera!: (typeof PART_RESULTS)[number];

  @ApiProperty({ enum: PART_RESULTS })
  @IsIn(PART_RESULTS)
  microphone!: (typeof PART_RESULTS)[number];

  @ApiProperty({ enum: PART_RESULTS })
  @IsIn(PART_RESULTS)
  network!: (typeof PART_RESULTS)[number];

  @ApiPropertyOptional({ enum: ROUTES })
  @IsOptional()
  @IsIn(ROUTES)
  route?: (typeof ROUTES)[number];

  @ApiPropertyOptional({ minimum: 0, maximum: 60000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  rttMs?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  uplinkKbps?: number;
}

/** As stored on the device and shown on the desk. */
export interface BoothCheckRecord {
  outcome: CheckOutcome;
  at: string;
  camera: string;
  microphone: string;
  network: string;
  route: string | null;
  rttMs: number | null;
  uplinkKbps: number | null;
}
