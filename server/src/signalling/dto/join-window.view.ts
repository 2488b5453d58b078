import { ApiProperty } from '@nestjs/swagger';

/** When a consultation's call may be entered, relative to its booked times, and the server's clock to count from. */
export class JoinWindowView {
  @ApiProperty({ example: 15, description: 'The call opens this many minutes before the booked start' })
  minutesBeforeStart!: number;

  @ApiProperty({ example: 15, description: 'and closes this many minutes after the booked end' })
  minutesAfterEnd!: number;

  @ApiProperty({ example: '2026-03-30T09:12:04.120Z', description: "The server's time when it answered: a page counts down from it, not from its own clock" })
  serverTime!: string;
}
