import { IsIn, IsObject, IsUUID } from 'class-validator';
import type { types } from 'mediasoup';

export class ProduceDto {
  @IsUUID('4')
  transportId!: string;

  @IsIn(['audio', 'video'])
  kind!: types.MediaKind;

  @IsObject()
  rtpParameters!: types.RtpParameters;

  @IsIn(['camera', 'microphone', 'screen'])
  source!: 'camera' | 'microphone' | 'screen';
}
