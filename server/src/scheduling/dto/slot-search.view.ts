import { ApiProperty } from '@nestjs/swagger';

export class SlotView {
  @ApiProperty({ example: '2026-03-30T09:30:00+02:00' })
  startsAt!: string;

  @ApiProperty({ example: '2026-03-30T10:00:00+02:00' })
  endsAt!: string;

  @ApiProperty({ type: [Number], description: 'Indexes into `agents`: every agent free for the whole slot' })
  agents!: number[];

  @ApiProperty({ type: [Number], description: 'Indexes into `booths`: every booth free for the whole slot' })
  booths!: number[];
}

export class SlotAgentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;
}

export class SlotBoothView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class SlotSearchResult {
  @ApiProperty({ format: 'uuid' })
  consultationTypeId!: string;

  @ApiProperty()
  durationMinutes!: number;

  @ApiProperty({ type: [SlotAgentView], description: 'The agents considered, referenced by index from slots' })
  agents!: SlotAgentView[];

  @ApiProperty({ type: [SlotBoothView] })
  booths!: SlotBoothView[];

  @ApiProperty({ type: [SlotView] })
  slots!: SlotView[];

  @ApiProperty({ description: 'True when `limit` cut the list' })
  truncated!: boolean;
}
