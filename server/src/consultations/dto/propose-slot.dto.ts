import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';

/** What left a booking without a slot: an agent's absence, or a change of opening hours, closures or availability. */
export const PROPOSAL_CAUSES = ['absence', 'schedule'] as const;
export type ProposalCause = (typeof PROPOSAL_CAUSES)[number];

/**
 * The slot shown to the coordinator (GET …/proposed-slot), to book exactly that one; both or
 * neither: without them, the nearest free slot at the moment of the request is booked.
 */
export class ProposeSlotDto {
  @ApiPropertyOptional({ example: '2026-04-07T10:30:00+02:00', description: 'startsAt of the proposal' })
  @IsOptional()
  @DateTimeWithOffset()
  startsAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'agentId of the proposal' })
  @IsOptional()
  @IsUUID('4', { message: 'agentId must be the id of an agent' })
  agentId?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_CAUSES, default: 'absence', description: 'What left the booking without a slot, recorded in the audit trail' })
  @IsOptional()
  @IsIn(PROPOSAL_CAUSES, { message: `via must be one of ${PROPOSAL_CAUSES.join(', ')}` })
  via?: ProposalCause;
}

/** The nearest free slot for a booking: same booth, same length, same type; its agent if free then, else a colleague. */
export class ProposedSlotView {
  @ApiProperty({ example: '2026-04-07T10:30:00+02:00' })
  startsAt!: string;

  @ApiProperty({ example: '2026-04-07T11:00:00+02:00' })
  endsAt!: string;

  @ApiProperty({ format: 'uuid' })
  agentId!: string;

  @ApiProperty({ example: 'Claire Collègue' })
  agentName!: string;

  @ApiProperty({ description: 'True when the booking keeps its agent' })
  sameAgent!: boolean;

  @ApiProperty({ format: 'uuid' })
  boothId!: string;

  @ApiProperty({ example: 'Cabine 1' })
  boothName!: string;
}
