import { IsObject, IsUUID } from 'class-validator';
import type { types } from 'mediasoup';
import type { Req } from '../../../../shared/signalling/protocol';

export class ConsumeDto implements Req<'consume'> {
  @IsUUID('4')
  producerId!: string;

  @IsObject()
  rtpCapabilities!: types.RtpCapabilities;
}
