import { ApiProperty } from '@nestjs/swagger';

/** Whether the agent has a live calendar feed. Its URL is not here: only its hash is stored. */
export class IcsFeedStatusView {
  @ApiProperty({ description: 'A feed URL exists and works' })
  active!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-30T09:30:00+02:00', description: 'When the current URL was created' })
  createdAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-30T10:00:00+02:00', description: 'Last time a calendar app read it' })
  lastUsedAt!: string | null;
}

/** A new feed: the only answer that carries the secret URL. */
export class IcsFeedCreatedView {
  @ApiProperty({ example: 'https://visio.example.fr/api/ics/6mV8…Q.ics' })
  url!: string;

  @ApiProperty({ example: '2026-03-30T09:30:00+02:00' })
  createdAt!: string;
}
