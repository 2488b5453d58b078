import { IsUUID } from 'class-validator';
import type { Req } from '../../../../shared/signalling/protocol';

export class CloseProducerDto implements Req<'closeProducer'> {
  @IsUUID('4')
  producerId!: string;
}
