import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { DateTimeWithOffset } from '../../common/http/date-time.decorator';

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
