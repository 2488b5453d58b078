import { IsObject, IsUUID } from 'class-validator';
import type { types } from 'mediasoup';

export class ConsumeDto {
  @IsUUID('4')
  producerId!: string;

  @IsObject()
  rtpCapabilities!: types.RtpCapabilities;
}
