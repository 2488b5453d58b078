import { IsIn } from 'class-validator';

export class CreateTransportDto {
  @IsIn(['send', 'recv'], { message: 'direction must be send or recv' })
  direction!: 'send' | 'recv';
}
