import { IsBoolean, IsUUID } from 'class-validator';
import type { Req } from '../../../../shared/signalling/protocol';

export class PauseProducerDto implements Req<'pauseProducer'> {
  @IsUUID('4')
  producerId!: string;

  @IsBoolean()
  paused!: boolean;
}
