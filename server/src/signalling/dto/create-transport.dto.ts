import { IsIn } from 'class-validator';
import { Req, TRANSPORT_DIRECTIONS, TransportDirection } from '../../../../shared/signalling/protocol';

export class CreateTransportDto implements Req<'createTransport'> {
  @IsIn(TRANSPORT_DIRECTIONS, { message: 'direction must be send or recv' })
  direction!: TransportDirection;
}
